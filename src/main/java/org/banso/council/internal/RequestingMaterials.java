package org.banso.council.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequests;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The use cases of material requests (R11): requesting, fulfilling with the council's items, declining. */
@Service
class RequestingMaterials implements MaterialRequests {

    private final MaterialRequestRepository requests;
    private final ParticipantRepository participants;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final CouncilItemChecks items;
    private final Clock clock;

    RequestingMaterials(MaterialRequestRepository requests, ParticipantRepository participants,
                        CouncilAccess access, CouncilReadModels views, CouncilItemChecks items, Clock clock) {
        this.requests = requests;
        this.participants = participants;
        this.access = access;
        this.views = views;
        this.items = items;
        this.clock = clock;
    }

    @Override
    @Transactional
    public MaterialRequestView request(CouncilId id, NewMaterialRequest request, BansoUser actor) {
        Council council = access.visible(id, actor);
        access.pledged(council, actor);
        council.requireEstablished();
        if (request == null) {
            throw BansoException.invalid("addresseeParticipantId", "must be a current participant");
        }
        FieldChecks checks = new FieldChecks();
        if (request.addresseeParticipantId() == null || participants.findById(request.addresseeParticipantId())
                .filter(p -> p.councilId().equals(id) && !p.hasLeft()).isEmpty()) {
            checks.add(FieldError.coded("addresseeParticipantId", "participant",
                    "must be a current participant (the think tank or another)"));
        }
        checks.text("title", request.title(), 300).optionalText("description",
                HoldingMeetings.blankToNull(request.description()), 5000);
        if (request.dueDate() == null) {
            checks.add(FieldError.coded("dueDate", "required", "must not be empty"));
        }
        checks.failIfAny();
        return views.materialRequest(requests.save(MaterialRequest.request(id, request.addresseeParticipantId(),
                request.title().strip(), HoldingMeetings.blankToNull(request.description()), request.dueDate(),
                actor.id(), clock.instant())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<MaterialRequestView> requests(CouncilId id, BansoUser viewer) {
        access.pledged(access.visible(id, viewer), viewer);
        return requests.findByCouncilIdOrderByDueDateAscRequestedAtAsc(id).stream().map(views::materialRequest)
                .toList();
    }

    @Override
    @Transactional
    public MaterialRequestView fulfil(MaterialRequestId id, List<UUID> itemIds, BansoUser actor) {
        MaterialRequest request = requests.findLockedById(id).orElseThrow(RequestingMaterials::unknown);
        CouncilMembership me = answerer(request, actor);
        request.requireAnswerableBy(me);
        List<UUID> chosen = itemIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(itemIds));
        if (chosen.isEmpty() || chosen.contains(null)) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", List.of(
                    FieldError.coded("itemIds", "material-items", "name the information items that answer the request")));
        }
        items.requireVisibleItems(request.councilId(), chosen, actor, "itemIds");
        request.fulfil(me, chosen, actor.id(), clock.instant());
        return views.materialRequest(requests.save(request));
    }

    @Override
    @Transactional
    public MaterialRequestView decline(MaterialRequestId id, String reason, BansoUser actor) {
        MaterialRequest request = requests.findLockedById(id).orElseThrow(RequestingMaterials::unknown);
        request.decline(answerer(request, actor), reason, actor.id(), clock.instant());
        return views.materialRequest(requests.save(request));
    }

    private CouncilMembership answerer(MaterialRequest request, BansoUser actor) {
        return access.pledged(access.visible(request.councilId(), actor, "The material request"), actor);
    }

    private static BansoException unknown() {
        return BansoException.notFound("The material request");
    }
}
