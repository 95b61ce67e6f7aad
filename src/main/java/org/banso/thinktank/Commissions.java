package org.banso.thinktank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;
import org.banso.information.InformationItems;
import org.banso.information.ItemId;
import org.banso.identity.OrganizationId;
import org.banso.technology.TechnologyId;

/**
 * R18: research entities recorded with evidence of the seed's three capabilities (analysis of domestic and foreign
 * trends, information hub, developing people) and a confidentiality agreement; commissions from a ministry or the
 * Cabinet Office to a qualified entity, over several years, with deliverables and a renewal history. Program
 * officers and ministry officials manage both; analysts see those of their own organization.
 */
public interface Commissions {

    Entity registerEntity(EntityRequest request, BansoUser actor);

    Entity updateEntity(UUID id, EntityRequest request, BansoUser actor);

    List<Entity> entities(BansoUser viewer);

    Optional<Entity> entity(UUID id, BansoUser viewer);

    /** {@code entity-not-qualified} unless the entity is qualified now. */
    Commission commission(CommissionRequest request, BansoUser actor);

    /** Extends the period; the entity must still be qualified; the previous end is kept in the history. */
    Commission renew(UUID commissionId, RenewalRequest request, BansoUser actor);

    List<Commission> commissions(BansoUser viewer);

    Optional<Commission> commission(UUID id, BansoUser viewer);

    /**
     * R20: a member of the commissioned entity submits a deliverable as a REPORT item of a council its organization
     * takes part in (the information module decides, as for any upload, that they are a pledged member of a current
     * participant); the item is then controlled like any other. Submitting again adds a version to the same item.
     */
    Commission submitDeliverable(UUID commissionId, UUID deliverableId, CouncilId council,
                                 InformationItems.Upload file, BansoUser actor);

    /**
     * For reminders, a system reader: deliverables not submitted whose due day is before {@code today}, with the
     * organization of the commissioned entity.
     */
    List<DueDeliverable> overdueDeliverables(LocalDate today);

    record DueDeliverable(UUID deliverableId, UUID commissionId, OrganizationId entityOrganizationId,
                          LocalDate dueOn) {
    }

    record EntityRequest(OrganizationId organizationId, String analysisCapability, String hubCapability,
                         String talentCapability, Instant confidentialityAgreedAt) {
    }

    record Entity(UUID id, OrganizationId organizationId, String organizationName, String analysisCapability,
                  String hubCapability, String talentCapability, Instant confidentialityAgreedAt, boolean qualified,
                  List<String> missing, Instant createdAt, Instant updatedAt) {
    }

    record DeliverableRequest(String title, LocalDate dueOn) {
    }

    record CommissionRequest(UUID entityId, String subject, List<TechnologyId> technologyIds, LocalDate periodStart,
                             LocalDate periodEnd, List<DeliverableRequest> deliverables) {
    }

    record RenewalRequest(LocalDate newEnd, String reason, List<DeliverableRequest> deliverables) {
    }

    /**
     * @param itemId      the REPORT item it was submitted as (R20), null until submitted
     * @param councilId   the council it was provided to, null until submitted
     */
    record Deliverable(UUID id, String title, LocalDate dueOn, ItemId itemId, CouncilId councilId,
                       Instant submittedAt) {

        public boolean submitted() {
            return itemId != null;
        }
    }

    record Renewal(LocalDate previousEnd, LocalDate newEnd, String reason, Instant renewedAt) {
    }

    record Commission(UUID id, UUID entityId, OrganizationId entityOrganizationId,
                      OrganizationId commissioningOrganizationId, String subject, List<TechnologyId> technologyIds,
                      LocalDate periodStart, LocalDate periodEnd, List<Deliverable> deliverables,
                      List<Renewal> renewals, Instant createdAt) {
    }
}
