package org.banso.council.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequestStatus;
import org.banso.council.ParticipantId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A council's request for materials to the think tank or a participant, with a due date (R11). The addressed
 * participant answers once: with information items of the council, or declined with a reason.
 */
@Table("council_material_request")
class MaterialRequest extends Aggregate<MaterialRequest, MaterialRequestId> {

    @Id
    private final MaterialRequestId id;
    private final CouncilId councilId;
    private final ParticipantId addresseeParticipantId;
    private final String title;
    private final String description;
    private final LocalDate dueDate;
    private MaterialRequestStatus status;
    private UUID[] itemIds;
    private String declineReason;
    private final UserId requestedBy;
    private final Instant requestedAt;
    private UserId answeredBy;
    private Instant answeredAt;

    @PersistenceCreator
    MaterialRequest(MaterialRequestId id, CouncilId councilId, ParticipantId addresseeParticipantId, String title,
                    String description, LocalDate dueDate, MaterialRequestStatus status, UUID[] itemIds,
                    String declineReason, UserId requestedBy, Instant requestedAt, UserId answeredBy,
                    Instant answeredAt) {
        this.id = id;
        this.councilId = councilId;
        this.addresseeParticipantId = addresseeParticipantId;
        this.title = title;
        this.description = description;
        this.dueDate = dueDate;
        this.status = status;
        this.itemIds = itemIds;
        this.declineReason = declineReason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    /** R11: addressed to a current participant of an established council (checked by the caller). */
    static MaterialRequest request(CouncilId council, ParticipantId addressee, String title, String description,
                                   LocalDate dueDate, UserId by, Instant now) {
        MaterialRequestId id = MaterialRequestId.random();
        MaterialRequest request = new MaterialRequest(id, council, addressee, title, description, dueDate,
                MaterialRequestStatus.REQUESTED, null, null, by, now, null, null);
        request.registerEvent(new CouncilEvents.MaterialsRequested(council, id, addressee, by, now));
        return request.markNew();
    }

    /** Only a member of the addressed participant answers, and only once. */
    void requireAnswerableBy(CouncilMembership actor) {
        if (!actor.participant().equals(addresseeParticipantId)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only the addressed participant answers (R11).");
        }
        if (status != MaterialRequestStatus.REQUESTED) {
            throw new BansoException(ProblemCode.CONFLICT, "The request was already answered.");
        }
    }

    /** R11: the materials are information items of the council (checked by the caller with the information module). */
    void fulfil(CouncilMembership actor, List<UUID> items, UserId by, Instant now) {
        requireAnswerableBy(actor);
        status = MaterialRequestStatus.FULFILLED;
        itemIds = items.toArray(UUID[]::new);
        answered(by, now);
        registerEvent(new CouncilEvents.MaterialsProvided(councilId, id, items.size(), by, now));
    }

    void decline(CouncilMembership actor, String reason, UserId by, Instant now) {
        requireAnswerableBy(actor);
        new FieldChecks().text("reason", reason, 5000).failIfAny();
        status = MaterialRequestStatus.DECLINED;
        declineReason = reason.strip();
        answered(by, now);
        registerEvent(new CouncilEvents.MaterialRequestDeclined(councilId, id, by, now));
    }

    private void answered(UserId by, Instant now) {
        answeredBy = by;
        answeredAt = now;
    }

    boolean isOverdue(LocalDate today) {
        return status == MaterialRequestStatus.REQUESTED && dueDate.isBefore(today);
    }

    @Override
    public MaterialRequestId getId() {
        return id;
    }

    MaterialRequestId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    ParticipantId addresseeParticipantId() {
        return addresseeParticipantId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    MaterialRequestStatus status() {
        return status;
    }

    List<UUID> itemIds() {
        return itemIds == null ? List.of() : List.of(itemIds);
    }

    String declineReason() {
        return declineReason;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant answeredAt() {
        return answeredAt;
    }
}
