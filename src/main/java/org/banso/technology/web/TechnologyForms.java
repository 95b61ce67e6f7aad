package org.banso.technology.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.banso.technology.Assessment;

/**
 * The registry pages' forms: the shape of each field; the rules (code format and uniqueness, a guideline area, an
 * assessment's completeness, R3) stay the registry's, whose refusals land on the same fields.
 */
final class TechnologyForms {

    private TechnologyForms() {
    }

    /** A candidate technology; the code's format and uniqueness are the registry's. */
    record TechnologyForm(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String nameJa,
                          @NotBlank @Size(max = 200) String nameEn, @NotBlank @Size(max = 10) String domain,
                          @Size(max = 4000) String description) {

        static TechnologyForm empty() {
            return new TechnologyForm("", "", "", "", "");
        }
    }

    /**
     * An assessment against the five criteria of the basic guideline (R3), each a score and its evidence, flat so
     * that each field is one input the error summary links to; one cited expert or think-tank input.
     */
    record AssessmentForm(@NotNull @Min(1) @Max(5) Integer japanStrengthScore,
                          @NotBlank @Size(max = 4000) String japanStrengthEvidence,
                          @NotNull @Min(1) @Max(5) Integer foreignRdStatusScore,
                          @NotBlank @Size(max = 4000) String foreignRdStatusEvidence,
                          @NotNull @Min(1) @Max(5) Integer socialNeedsScore,
                          @NotBlank @Size(max = 4000) String socialNeedsEvidence,
                          @NotNull @Min(1) @Max(5) Integer leakageRiskScore,
                          @NotBlank @Size(max = 4000) String leakageRiskEvidence,
                          @NotNull @Min(1) @Max(5) Integer dependenceRiskScore,
                          @NotBlank @Size(max = 4000) String dependenceRiskEvidence,
                          @Size(max = 4000) String superiority, @Size(max = 4000) String marketUnderinvestment,
                          @Size(max = 4000) String dualUse, @NotNull Assessment.InputKind inputKind,
                          @NotBlank @Size(max = 1000) String inputReference) {

        static AssessmentForm empty() {
            return new AssessmentForm(null, "", null, "", null, "", null, "", null, "", "", "", "",
                    Assessment.InputKind.THINK_TANK, "");
        }
    }
}
