package org.banso.guideline.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.banso.guideline.GuidelineModel.MeasureKind;
import org.banso.guideline.GuidelineModel.MeasureStatus;

/**
 * The drafting pages' forms: the shape of each field; the rules (a draft only, a ministry responsible for each
 * measure, R1) stay the guideline service's, whose refusals land on the same fields. Field names are unique within a
 * page, since they are the inputs' ids the error summary links to.
 */
final class GuidelineForms {

    private GuidelineForms() {
    }

    /** A new draft, empty or a copy of the version in force ({@code basedOnId}). */
    record DraftForm(@NotBlank @Size(max = 300) String titleJa, @NotBlank @Size(max = 300) String titleEn,
                     UUID basedOnId) {

        static DraftForm empty(UUID basedOnId) {
            return new DraftForm("", "", basedOnId);
        }
    }

    record SectionForm(@NotBlank @Size(max = 300) String headingJa, @NotBlank @Size(max = 300) String headingEn,
                       @Size(max = 20000) String bodyJa, @Size(max = 20000) String bodyEn) {

        static SectionForm empty() {
            return new SectionForm("", "", "", "");
        }
    }

    /** A support measure; the ministry responsible is chosen by name from the registered ministries (R1). */
    record MeasureForm(@NotNull MeasureKind kind, @NotBlank @Size(max = 300) String titleJa,
                       @NotBlank @Size(max = 300) String titleEn, @Size(max = 20000) String descriptionJa,
                       @Size(max = 20000) String descriptionEn, @NotNull UUID responsibleMinistryId,
                       @Size(max = 50) List<UUID> technologyIds) {

        static MeasureForm empty() {
            return new MeasureForm(null, "", "", "", "", null, List.of());
        }
    }

    /** A measure's status, changed from its row in the measures table. */
    record MeasureStatusForm(@NotNull MeasureStatus status, @NotNull UUID versionId) {
    }
}
