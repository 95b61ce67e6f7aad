package org.banso.guideline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.identity.OrganizationId;
import org.banso.technology.TechnologyId;

/** The guideline's read models and commands, as the API and pages see them. */
public final class GuidelineModel {

    private GuidelineModel() {
    }

    public enum VersionStatus { DRAFT, IN_FORCE, SUPERSEDED }

    /** The kinds of support the seed names: information, funding, human resources — and others. */
    public enum MeasureKind { INFORMATION_PROVISION, FUNDING, HUMAN_RESOURCES, OTHER }

    public enum MeasureStatus { PLANNED, ACTIVE, COMPLETED, DISCONTINUED }

    public record Version(UUID id, String titleJa, String titleEn, VersionStatus status, Instant createdAt,
                          Instant enforcedAt, Instant supersededAt, List<Section> sections, List<Measure> measures) {
    }

    public record Section(UUID id, int position, String headingJa, String headingEn, String bodyJa, String bodyEn) {
    }

    public record Measure(UUID id, int position, MeasureKind kind, String titleJa, String titleEn,
                          String descriptionJa, String descriptionEn, OrganizationId responsibleMinistryId,
                          List<TechnologyId> technologyIds, MeasureStatus status, List<StatusChange> history) {
    }

    public record StatusChange(MeasureStatus from, MeasureStatus to, Instant at) {
    }

    public record NewVersion(String titleJa, String titleEn, UUID basedOnId) {
    }

    public record NewSection(String headingJa, String headingEn, String bodyJa, String bodyEn) {
    }

    public record NewMeasure(MeasureKind kind, String titleJa, String titleEn, String descriptionJa,
                             String descriptionEn, OrganizationId responsibleMinistryId,
                             List<TechnologyId> technologyIds) {
    }
}
