package org.banso.council;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.banso.council.CouncilViews.InvitationPreview;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.IssuedInvitation;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;

/**
 * Joining by invitation (R13): a one-time, expiring link for one participant role, made by the competent ministry.
 * It is bound to what it was made for: it brings in only an organization of a kind that role stands for, and only a
 * person whose account fits it. Once used — accepted, or worn out by refused registrations — it answers exactly
 * like a token that never existed.
 */
public interface Invitations {

    /** The token is in the answer only, once; only its SHA-256 is stored. Names nobody: nothing is e-mailed. */
    default IssuedInvitation invite(CouncilId council, ParticipantRole role, BansoUser actor) {
        return invite(council, role, null, actor);
    }

    /**
     * An invitation naming its invitee, who is sent the link by e-mail in the same transaction (through every
     * {@link InvitationDelivery}); {@code validation-failed} on {@code invitee.name}, {@code invitee.organization},
     * {@code invitee.email} or {@code invitee.language}. A null invitee names nobody and nothing is sent.
     */
    default IssuedInvitation invite(CouncilId council, ParticipantRole role, Invitee invitee, BansoUser actor) {
        return invite(council, role, invitee, null, actor);
    }

    /**
     * An invitation (naming its invitee or nobody, as above) that expires at {@code expiresAt}, chosen by the inviter;
     * null is the configured lifetime from now. {@code validation-failed} on {@code expiresAt} ({@code
     * invitation-expiry}) when it is not in the future or beyond the configured longest lifetime.
     */
    IssuedInvitation invite(CouncilId council, ParticipantRole role, Invitee invitee, Instant expiresAt,
                            BansoUser actor);

    /**
     * Several named invitations at once, all or none (a K Program award's confirmed list, issue 16). The actor is
     * the competent ministry's member, or the funding officer who created the project's council (R7).
     */
    List<IssuedInvitation> inviteAll(CouncilId council, List<NamedInvitation> invitations, BansoUser actor);

    /** When an invitation made now expires unless the inviter chooses otherwise (the form's default). */
    Instant defaultExpiry();

    /** The latest expiry an inviter may choose now ({@code banso.council.invitation-max-lifetime} from now). */
    Instant latestExpiry();

    List<InvitationView> invitations(CouncilId council, BansoUser actor);

    void revoke(CouncilId council, InvitationId invitation, BansoUser actor);

    /**
     * What an open token stands for, without using it; for a revoked or expired one only its state (no council, role
     * or expiry: such a link reveals nothing about the council); empty for an unknown or used one.
     */
    Optional<InvitationPreview> preview(String token);

    /** The signed-in person's organization joins (or the person joins its participant); answers the council. */
    CouncilId accept(String token, BansoUser actor);

    /**
     * For someone with no account yet: in one transaction, checks the invitation, registers a NEW organization and
     * its RESEARCHER account through identity, joins that organization with the invitation's role and uses the
     * invitation up. A refused registration creates nothing but counts against the invitation: after a few refusals
     * it is used up.
     */
    CouncilId register(String token, IdentityManagement.Newcomer newcomer);

    /**
     * The person an invitation names.
     *
     * @param language the language of the e-mail, {@code ja} (default when null) or {@code en}
     */
    record Invitee(String name, String organization, String email, String language) {
    }

    record NamedInvitation(ParticipantRole role, Invitee invitee) {
    }
}
