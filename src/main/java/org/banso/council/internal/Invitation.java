package org.banso.council.internal;

import java.time.Instant;
import java.util.Optional;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.InvitationId;
import org.banso.council.InvitationState;
import org.banso.council.Invitations.Invitee;
import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A one-time, expiring invitation to take part in a council with one role (R13). Only the SHA-256 of its token is
 * kept. It is bound to what it was made for: it brings in only an organization of a kind that role stands for, and
 * only a person whose account fits it. It is used up by the one joining it allows, or by refused registrations beyond
 * a few, so that one link cannot probe usernames and corporate numbers without limit; once used it answers like a
 * token that never existed.
 */
@Table("council_invitation")
class Invitation extends Aggregate<Invitation, InvitationId> {

    @Id
    private final InvitationId id;
    private final CouncilId councilId;
    private final ParticipantRole role;
    private final byte[] tokenHash;
    private final UserId createdBy;
    private final Instant createdAt;
    private final Instant expiresAt;
    private UserId acceptedBy;
    private Instant acceptedAt;
    private Instant revokedAt;
    private int refusedRegistrations;
    private Instant usedUpAt;
    private final String inviteeName;
    private final String inviteeOrganization;
    private final String inviteeEmail;
    private final String inviteeLanguage;

    @PersistenceCreator
    Invitation(InvitationId id, CouncilId councilId, ParticipantRole role, byte[] tokenHash, UserId createdBy,
               Instant createdAt, Instant expiresAt, UserId acceptedBy, Instant acceptedAt, Instant revokedAt,
               int refusedRegistrations, Instant usedUpAt, String inviteeName, String inviteeOrganization,
               String inviteeEmail, String inviteeLanguage) {
        this.id = id;
        this.councilId = councilId;
        this.role = role;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
        this.revokedAt = revokedAt;
        this.refusedRegistrations = refusedRegistrations;
        this.usedUpAt = usedUpAt;
        this.inviteeName = inviteeName;
        this.inviteeOrganization = inviteeOrganization;
        this.inviteeEmail = inviteeEmail;
        this.inviteeLanguage = inviteeLanguage;
    }

    /** Made by {@link Council#invite}, which checks the council and the role. */
    static Invitation issue(InvitationId id, CouncilId council, ParticipantRole role, Invitee invitee,
                            byte[] tokenHash, Instant now, Instant expiresAt, UserId by) {
        Invitation invitation = new Invitation(id, council, role, tokenHash, by, now, expiresAt, null, null, null, 0,
                null, invitee == null ? null : invitee.name(), invitee == null ? null : invitee.organization(),
                invitee == null ? null : invitee.email(), invitee == null ? null : invitee.language());
        invitation.registerEvent(new CouncilEvents.InvitationIssued(council, id, expiresAt, by, now));
        return invitation.markNew();
    }

    InvitationState state(Instant now) {
        if (acceptedAt != null) {
            return InvitationState.ACCEPTED;
        }
        if (usedUpAt != null) {
            return InvitationState.USED_UP;
        }
        if (revokedAt != null) {
            return InvitationState.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationState.OPEN : InvitationState.EXPIRED;
    }

    /** The competent ministry revokes an open invitation; any other answers {@code not-found}. */
    void revoke(UserId by, Instant now) {
        if (state(now) != InvitationState.OPEN) {
            throw BansoException.notFound("An open invitation");
        }
        revokedAt = now;
        registerEvent(new CouncilEvents.InvitationRevoked(councilId, id, by, now));
    }

    /**
     * R13: a signed-in person uses the invitation. Their organization must be of a kind the role stands for, their
     * account must fit it, and if the organization already takes part it must take part in that role (the person then
     * becomes one of its members). The caller then joins them and records {@link #accepted}.
     *
     * @param current the organization's current participant in the council, if any
     */
    void requireAcceptableBy(BansoUser person, Optional<OrganizationView> organization, Optional<Participant> current,
                  Instant now) {
        requireUsable(now);
        if (organization.isEmpty()) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Your account belongs to no organization.");
        }
        if (!role.invites(organization.get().kind()) || !role.invitesAccountWith(person.roles())) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "This invitation is for another kind of organization or person (R13).");
        }
        if (current.isPresent() && current.get().role() != role) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Your organization takes part in this council in another role (R13).");
        }
    }

    /**
     * R13 for someone without an account: ministries are never registered through a link, and the newcomer's own
     * organization must be of a kind the role stands for (an unknown kind is identity's to refuse).
     */
    void requireAcceptableByNewcomer(OrganizationKind kind, Instant now) {
        requireUsable(now);
        if (role.isMinistry()) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "A ministry's invitation is accepted by an existing ministry account, not by registering.");
        }
        if (kind != null && !role.invites(kind)) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    java.util.List.of(FieldError.coded("organization.kind", "invitation-kind",
                            "must be the kind of organization this invitation is for (R13)")));
        }
    }

    /** Records that the invitation brought {@code participant} in; it cannot be used again. */
    void accepted(UserId by, org.banso.council.ParticipantId participant, Instant now) {
        acceptedBy = by;
        acceptedAt = now;
        registerEvent(new CouncilEvents.InvitationAccepted(councilId, id, participant, by, now));
    }

    /**
     * A registration through this link was refused (a username or a corporate number taken, an invalid field...);
     * after {@code allowed} refusals the link is used up.
     */
    void registrationRefused(int allowed, Instant now) {
        refusedRegistrations++;
        if (refusedRegistrations >= allowed && usedUpAt == null) {
            usedUpAt = now;
        }
    }

    /** Unknown and used links look alike ({@code not-found}); a revoked or expired one is a {@code conflict}. */
    private void requireUsable(Instant now) {
        InvitationState state = state(now);
        if (state.isUsed()) {
            throw BansoException.notFound("The invitation");
        }
        if (state != InvitationState.OPEN) {
            throw new BansoException(ProblemCode.CONFLICT, "This invitation was revoked or has expired (R13).");
        }
    }

    @Override
    public InvitationId getId() {
        return id;
    }

    InvitationId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    ParticipantRole role() {
        return role;
    }

    UserId createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    UserId acceptedBy() {
        return acceptedBy;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    /** Whom it was made for, or null for an older invitation that names nobody. */
    Invitee invitee() {
        return inviteeEmail == null ? null
                : new Invitee(inviteeName, inviteeOrganization, inviteeEmail, inviteeLanguage);
    }
}
