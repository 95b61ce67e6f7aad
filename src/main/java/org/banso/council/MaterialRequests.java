package org.banso.council;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.identity.BansoUser;

/**
 * Requests for materials to the think tank or a participant, with a due date (R11); answered once, with information
 * items of the council or declined with a reason. Only pledged participants see them (R12).
 */
public interface MaterialRequests {

    MaterialRequestView request(CouncilId council, NewMaterialRequest request, BansoUser actor);

    List<MaterialRequestView> requests(CouncilId council, BansoUser viewer);

    /** Only a member of the addressed participant answers, with items of this council they may see. */
    MaterialRequestView fulfil(MaterialRequestId id, List<UUID> itemIds, BansoUser actor);

    MaterialRequestView decline(MaterialRequestId id, String reason, BansoUser actor);

    record NewMaterialRequest(ParticipantId addresseeParticipantId, String title, String description,
                              LocalDate dueDate) {
    }
}
