package org.banso.council;

/**
 * What a person is in a council right now: a member of which current participant, whether they represent it, and
 * whether they have signed the council's current pledge version (R12). Absent when they are no current member.
 *
 * @param pledgeSigned true only for an unrevoked signature of the current pledge version
 */
public record CouncilMembership(CouncilId council, ParticipantId participant, ParticipantRole role,
                                boolean representative, boolean pledgeSigned) {

    /** May this person see the council's non-public information (R12)? */
    public boolean mayReadNonPublic() {
        return pledgeSigned;
    }
}
