package org.banso.council;

import java.time.Instant;

import org.banso.council.Invitations.Invitee;

/**
 * An extension point the notification module implements (the council module does not depend on it): a named
 * invitation is handed over inside the transaction that issues it, so that its e-mail is written to a durable outbox
 * if and only if the invitation exists. The link carries the token, which is never stored by this module; an
 * implementation must not put the council's name or anything else about it in the e-mail (the invitee is not a
 * participant yet).
 */
public interface InvitationDelivery {

    void deliver(NamedInvitationIssued invitation);

    /** @param acceptPath the one-time link's path, token included */
    record NamedInvitationIssued(InvitationId id, CouncilId councilId, ParticipantRole role, Invitee invitee,
                                 String acceptPath, Instant expiresAt) {
    }
}
