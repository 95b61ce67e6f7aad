package org.banso.information.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/**
 * The leak pages' forms (R17): the shape of each field; the rules (a known item, a known fingerprint, a penalty from
 * the table within its maximum, one decision per report) stay the leak service's, whose refusals land on the same
 * fields.
 */
final class LeakForms {

    /** An item id as the trace page carries it, or nothing. */
    static final String ITEM_ID = "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** A traced copy's fingerprint: 16 hexadecimal digits, or nothing. */
    static final String FINGERPRINT = "|[0-9a-f]{16}";
    /** Pasted leaked text: enough to hold a watermarked paragraph many times over, bounded. */
    static final int TEXT_LIMIT = 200_000;

    private LeakForms() {
    }

    /** A report; item and fingerprint come from the trace page when the leak was traced first. */
    record ReportForm(@Size(max = 36) @Pattern(regexp = ITEM_ID) String itemId,
                      @NotBlank @Size(max = 4000) String description,
                      @Pattern(regexp = FINGERPRINT) String fingerprint) {

        static ReportForm empty() {
            return new ReportForm("", "", "");
        }
    }

    /** A trace result attached: a fingerprint, or the leaked file, or the leaked text (the service needs one). */
    record InvestigationForm(@Pattern(regexp = FINGERPRINT) String fingerprint, MultipartFile file,
                             @Size(max = TEXT_LIMIT) String text, @Size(max = 4000) String note) {

        static InvestigationForm empty() {
            return new InvestigationForm("", null, "", "");
        }
    }

    /** The penalty decided, once per report; amount or term as the penalty table asks. */
    record DecisionForm(@NotBlank @Size(max = 64) String penalty, @Positive @Max(1_000_000_000_000L) Long amountYen,
                        @Positive @Max(1200) Integer termMonths, @NotBlank @Size(max = 4000) String rationale) {

        static DecisionForm empty() {
            return new DecisionForm("", null, null, "");
        }
    }

    /** A leaked file or pasted text to trace. */
    record TraceForm(MultipartFile file, @Size(max = TEXT_LIMIT) String text) {
    }
}
