package org.banso.council;

import java.util.Optional;
import java.util.Set;

import org.banso.identity.UserId;

/**
 * The one answer to the question whether person P is a current participant of council C, in which participant, and
 * with a signed current pledge. Every access decision asks it: the council module's own checks and the information module's policy
 * (R12, R17). Served from memory and invalidated at once by joining, leaving, removal, signing, revocation and a new
 * pledge version, also when such a change is rolled back.
 */
public interface CouncilMemberships {

    Optional<CouncilMembership> membership(CouncilId council, UserId user);

    /**
     * The council's current participants (not left, not removed), read now; empty for an unknown council. For checks
     * that concern participants rather than a person, such as the scope of a designation (R15).
     */
    Set<ParticipantId> currentParticipants(CouncilId council);
}
