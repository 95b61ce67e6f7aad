package org.banso.thinktank.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.banso.web.WithinDateBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The think tank's page forms: the shape of each field; the rules (consistent comparisons, R19; a qualified entity,
 * R18; a deliverable into one's own council, R20) stay the services', whose refusals land on the same fields.
 */
final class ThinkTankForms {

    /** Saaty's scale as the comparison selects offer it. */
    static final String SAATY = "1/9|1/7|1/5|1/3|1|3|5|7|9";

    private ThinkTankForms() {
    }

    /**
     * A ranking: the six pairwise comparisons of the four criteria ({@code c01} … {@code c23}; one left out counts
     * as equal importance) and up to five technologies, each a name, an indicator field and two expert scores. Flat,
     * so that each field is one input the error summary links to.
     */
    record RankingForm(@NotBlank @Size(max = 300) String title, @Min(2000) @Max(2018) Integer year,
                       @Pattern(regexp = SAATY) String c01, @Pattern(regexp = SAATY) String c02,
                       @Pattern(regexp = SAATY) String c03, @Pattern(regexp = SAATY) String c12,
                       @Pattern(regexp = SAATY) String c13, @Pattern(regexp = SAATY) String c23,
                       @Size(max = 200) String label0, @Size(max = 100) String field0,
                       @Min(1) @Max(5) Integer needs0, @Min(1) @Max(5) Integer risk0,
                       @Size(max = 200) String label1, @Size(max = 100) String field1,
                       @Min(1) @Max(5) Integer needs1, @Min(1) @Max(5) Integer risk1,
                       @Size(max = 200) String label2, @Size(max = 100) String field2,
                       @Min(1) @Max(5) Integer needs2, @Min(1) @Max(5) Integer risk2,
                       @Size(max = 200) String label3, @Size(max = 100) String field3,
                       @Min(1) @Max(5) Integer needs3, @Min(1) @Max(5) Integer risk3,
                       @Size(max = 200) String label4, @Size(max = 100) String field4,
                       @Min(1) @Max(5) Integer needs4, @Min(1) @Max(5) Integer risk4) {

        static RankingForm empty() {
            return new RankingForm("", 2018, "1", "1", "1", "1", "1", "1", "", "", null, null, "", "", null, null,
                    "", "", null, null, "", "", null, null, "", "", null, null);
        }

        /** A comparison by its field name; one left out is equal importance. */
        String pair(String name) {
            String value = switch (name) {
                case "c01" -> c01;
                case "c02" -> c02;
                case "c03" -> c03;
                case "c12" -> c12;
                case "c13" -> c13;
                case "c23" -> c23;
                default -> throw new IllegalArgumentException(name);
            };
            return value == null || value.isBlank() ? "1" : value;
        }

        /** The technology of slot {@code i} (0–4) as typed. */
        Slot slot(int i) {
            return switch (i) {
                case 0 -> new Slot(label0, field0, needs0, risk0);
                case 1 -> new Slot(label1, field1, needs1, risk1);
                case 2 -> new Slot(label2, field2, needs2, risk2);
                case 3 -> new Slot(label3, field3, needs3, risk3);
                case 4 -> new Slot(label4, field4, needs4, risk4);
                default -> throw new IllegalArgumentException("slot " + i);
            };
        }

        record Slot(String label, String field, Integer needs, Integer risk) {

            boolean blank() {
                return (label == null || label.isBlank()) && (field == null || field.isBlank());
            }
        }
    }

    /** An entity that may be commissioned (R18); what it lacks is shown, not refused. */
    record EntityForm(@NotNull UUID organizationId, @Size(max = 5000) String analysisCapability,
                      @Size(max = 5000) String hubCapability, @Size(max = 5000) String talentCapability,
                      @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                      LocalDate confidentialityAgreedAt) {

        static EntityForm empty() {
            return new EntityForm(null, "", "", "", null);
        }
    }

    /** Research commissioned to a qualified entity (R18), with at most one deliverable typed here. */
    record CommissionForm(@NotNull UUID entityId, @NotBlank @Size(max = 500) String subject,
                          @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate periodStart,
                          @NotNull @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate periodEnd,
                          @WithinDateBounds @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliverableDue,
                          @Size(max = 300) String deliverableTitle) {

        static CommissionForm empty() {
            return new CommissionForm(null, "", null, null, null, "");
        }
    }

    /** A deliverable's submission into one of the person's councils (R20), with its file. */
    record DeliverableForm(@NotNull UUID councilId, MultipartFile file) {
    }
}
