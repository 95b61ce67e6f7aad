package org.banso.council;

import java.util.Optional;

import org.banso.identity.UserId;

/**
 * The one answer to the question whether person P is a current participant of council C, in which participant, and
 * with a signed current pledge. Every access decision asks it: the council module's own checks and the information module's policy
 * (R12, R17). Served from memory and invalidated at once by joining, leaving, removal, signing, revocation and a new
 * pledge version, also when such a change is rolled back.
 */
public interface CouncilMemberships {

    Optional<CouncilMembership> membership(CouncilId council, UserId user);
}
