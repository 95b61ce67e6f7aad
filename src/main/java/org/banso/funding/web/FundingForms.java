package org.banso.funding.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.banso.funding.Calls;
import org.banso.funding.FundingViews.EntryKind;
import org.banso.funding.Program;
import org.banso.web.WithinDateBounds;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The funding pages' forms: the shape of each field (Bean Validation); the rules (a ministry must be a ministry, the
 * window, the budget cap, the balance) stay the services', whose refusals land on the same fields. Field names are
 * unique within a page, since they are the inputs' ids the error summary links to.
 */
final class FundingForms {

    /** Yen amounts beyond 10^15 are no budget (the services' MAX_AMOUNT). */
    static final long MAX_YEN = 1_000_000_000_000_000L;

    private FundingForms() {
    }

    record FundForm(@NotBlank @Size(max = 200) String name, @NotNull Program program) {

        static FundForm empty() {
            return new FundForm("", Program.K_PROGRAM);
        }
    }

    /** An appropriation or a return; a program officer confirms it, since an entry is never edited (R2). */
    record LedgerForm(@NotNull EntryKind kind, @NotNull @Positive @Max(MAX_YEN) Long amount,
                      @Size(max = 1000) String memo) {

        static LedgerForm empty() {
            return new LedgerForm(EntryKind.APPROPRIATION, null, "");
        }
    }

    record DisbursementForm(@NotNull @Positive @Max(MAX_YEN) Long amount, @Size(max = 1000) String memo) {

        static DisbursementForm empty() {
            return new DisbursementForm(null, "");
        }
    }

    /** A call for proposals; the window is typed in Japan time. */
    record CallForm(@NotBlank @Size(max = 300) String title, @NotNull UUID fundId, @NotNull Calls.CallType type,
                    @NotEmpty @Size(max = 50) List<UUID> technologyIds,
                    @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
                    @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
                    @NotNull @Positive @Max(MAX_YEN) Long budgetCap) {

        static CallForm empty() {
            return new CallForm("", null, Calls.CallType.PROJECT, List.of(), null, null, null);
        }
    }

    /** A researcher's application as principal investigator, with the draft open/close plan. */
    record ApplicationForm(@NotBlank @Size(max = 300) String title,
                           @NotBlank @Pattern(regexp = "[0-9]{8}") String eradNumber,
                           @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]") String orcid,
                           @NotNull @Positive @Max(MAX_YEN) Long directCost,
                           @NotBlank @Size(max = 4000) String controlled, @NotBlank @Size(max = 2000) String fromWhom,
                           @NotNull @Min(1) @Max(120) Integer months, @NotBlank @Size(max = 4000) String reason) {

        static ApplicationForm empty() {
            return new ApplicationForm("", "", "", null, "", "", null, "");
        }
    }

    /** A reviewer's declaration of conflicts of interest, once per application. */
    record DeclarationForm(@NotNull Boolean conflict, @Size(max = 1000) String conflictReason) {

        static DeclarationForm empty() {
            return new DeclarationForm(Boolean.FALSE, "");
        }
    }

    record ReviewForm(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 8000) String comment) {

        static ReviewForm empty() {
            return new ReviewForm(null, "");
        }
    }

    /**
     * The award (R7, R10): people and organizations chosen by name in pickers, posted as ids. The representative is
     * optional on the form: the award service decides when a K Program project needs one.
     */
    record AwardForm(@NotNull UUID technologyId, @NotEmpty @Size(max = 50) List<UUID> organizationIds,
                     @NotNull UUID competentMinistryId, UUID representativeId,
                     @NotNull UUID socialImplementationLeadId, @Size(max = 8000) String socialImplementationPlan) {

        static AwardForm empty(UUID technology, List<UUID> organizations) {
            return new AwardForm(technology, organizations, null, null, null, "");
        }
    }
}
