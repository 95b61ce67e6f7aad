package org.banso.council.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.InvitationPreview;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.IssuedInvitation;
import org.banso.council.InvitationDelivery;
import org.banso.council.InvitationId;
import org.banso.council.InvitationState;
import org.banso.council.Invitations;
import org.banso.council.ParticipantRole;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of joining by invitation (R13): the competent ministry invites, the invitee joins — signed in, or by
 * registering a new organization and account through the link — with no administrator in the loop.
 */
@Service
class JoiningByInvitation implements Invitations {

    private static final SecureRandom random = new SecureRandom();
    /** One @, no spaces, a dot in the domain: a plausible address (whether it exists only the mail server knows). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final InvitationRepository invitations;
    private final CouncilRepository councils;
    private final ParticipantRepository participants;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final IdentityManagement identity;
    private final CouncilProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final List<InvitationDelivery> deliveries;

    JoiningByInvitation(InvitationRepository invitations, CouncilRepository councils,
                        ParticipantRepository participants, CouncilAccess access, CouncilReadModels views,
                        IdentityManagement identity, CouncilProperties properties, Clock clock,
                        PlatformTransactionManager transactions, List<InvitationDelivery> deliveries) {
        this.invitations = invitations;
        this.councils = councils;
        this.participants = participants;
        this.access = access;
        this.views = views;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.deliveries = List.copyOf(deliveries);
    }

    @Override
    @Transactional
    public IssuedInvitation invite(CouncilId id, ParticipantRole role, Invitee invitee, Instant expiresAt,
                                   BansoUser actor) {
        Council council = access.visible(id, actor);
        access.competent(council, actor);
        Instant now = clock.instant();
        Duration lifetime = properties.invitationLifetime();
        FieldChecks checks = new FieldChecks();
        Invitee named = invitee == null ? null : invitee(invitee, "", checks);
        if (expiresAt != null) {
            lifetime = Duration.between(now, expiresAt);
            if (!expiresAt.isAfter(now) || lifetime.compareTo(properties.invitationMaxLifetime()) > 0) {
                checks.add(FieldError.coded("expiresAt", "invitation-expiry",
                        "must be in the future and at most " + properties.invitationMaxLifetime().toDays()
                                + " days from now", properties.invitationMaxLifetime().toDays()));
            }
        }
        checks.failIfAny();
        return issue(council, role, named, lifetime, actor);
    }

    @Override
    public Instant defaultExpiry() {
        return clock.instant().plus(properties.invitationLifetime());
    }

    @Override
    public Instant latestExpiry() {
        return clock.instant().plus(properties.invitationMaxLifetime());
    }

    @Override
    @Transactional
    public List<IssuedInvitation> inviteAll(CouncilId id, List<NamedInvitation> named, BansoUser actor) {
        // R7: the funding officer who created a project's council (not a participant of it, so it is not visible to
        // them) invites the people the award knows; anyone else must be the competent ministry's member
        Council council = councils.findById(id).filter(c -> actor != null && !c.projectIds().isEmpty()
                && actor.id().equals(c.proposedBy())).orElseGet(() -> {
                    Council visible = access.visible(id, actor);
                    access.competent(visible, actor);
                    return visible;
                });
        List<NamedInvitation> all = named == null ? List.of() : named;
        FieldChecks checks = new FieldChecks();
        List<Invitee> invitees = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            NamedInvitation n = all.get(i);
            String prefix = "invitations[" + i + "].";
            if (n == null || n.role() == null || n.role() == ParticipantRole.COMPETENT_MINISTRY) {
                checks.add(new FieldError(prefix + "role", "must be the role the invitee's organization takes"));
            }
            invitees.add(invitee(n == null ? null : n.invitee(), prefix, checks));
        }
        checks.failIfAny();
        List<IssuedInvitation> issued = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            issued.add(issue(council, all.get(i).role(), invitees.get(i), properties.invitationLifetime(), actor));
        }
        return issued;
    }

    private IssuedInvitation issue(Council council, ParticipantRole role, Invitee invitee, Duration lifetime,
                                   BansoUser actor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "bnsi_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Invitation invitation = invitations.save(council.invite(role, invitee, Pledge.sha256(token),
                lifetime, actor.id(), clock.instant()));
        IssuedInvitation issued = new IssuedInvitation(invitation.id(), council.id(), invitation.role(), token,
                "/invitations/" + token, invitation.expiresAt());
        if (invitee != null) {
            // in this transaction: the e-mail is in the outbox if and only if the invitation exists
            deliveries.forEach(d -> d.deliver(new InvitationDelivery.NamedInvitationIssued(invitation.id(),
                    council.id(), invitation.role(), invitee, issued.acceptPath(), invitation.expiresAt())));
        }
        return issued;
    }

    private static Invitee invitee(Invitee invitee, String prefix, FieldChecks checks) {
        String field = prefix + "invitee.";
        if (invitee == null) {
            checks.add(new FieldError(field + "email", "must name the invitee: name, organization and e-mail"));
            return null;
        }
        checks.text(field + "name", invitee.name(), 200).text(field + "organization", invitee.organization(), 200);
        String email = invitee.email() == null ? null : invitee.email().strip();
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            checks.add(new FieldError(field + "email", "must be an e-mail address"));
        }
        String language = invitee.language() == null || invitee.language().isBlank() ? "ja"
                : invitee.language().strip();
        if (!language.equals("ja") && !language.equals("en")) {
            checks.add(new FieldError(field + "language", "must be ja or en"));
        }
        return new Invitee(invitee.name() == null ? null : invitee.name().strip(),
                invitee.organization() == null ? null : invitee.organization().strip(), email, language);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvitationView> invitations(CouncilId id, BansoUser actor) {
        access.competent(access.visible(id, actor), actor);
        return invitations.findByCouncilIdOrderByCreatedAtDesc(id).stream().map(views::invitation).toList();
    }

    @Override
    @Transactional
    public void revoke(CouncilId id, InvitationId invitationId, BansoUser actor) {
        access.competent(access.visible(id, actor), actor);
        Invitation invitation = invitations.findLockedByIdAndCouncilId(invitationId, id)
                .orElseThrow(() -> BansoException.notFound("An open invitation"));
        invitation.revoke(actor.id(), clock.instant());
        invitations.save(invitation);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InvitationPreview> preview(String token) {
        Instant now = clock.instant();
        // a revoked or expired link says only that it cannot be used: nothing about the council (issue 16)
        return hashOf(token).flatMap(invitations::findByTokenHash).filter(i -> !i.state(now).isUsed())
                .flatMap(i -> i.state(now) != InvitationState.OPEN
                        ? Optional.of(new InvitationPreview(null, null, null, i.state(now), null))
                        : councils.findById(i.councilId()).map(c -> new InvitationPreview(c.id(), c.name(),
                                i.role(), i.state(now), i.expiresAt())));
    }

    @Override
    @Transactional
    public CouncilId accept(String token, BansoUser actor) {
        Invitation invitation = lockedInvitation(token);
        Council council = councils.findLockedById(invitation.councilId()).orElseThrow();
        Instant now = clock.instant();
        Optional<Participant> current = actor.organizationId() == null ? Optional.empty()
                : participants.findByCouncilIdAndOrganizationIdAndLeftAtIsNull(council.id(), actor.organizationId());
        invitation.requireAcceptableBy(actor, organization(actor.organizationId()), current, now);
        council.requireNotDissolved();
        Participant participant;
        if (current.isPresent()) {
            participant = current.get();
            participant.addMember(actor.id(), now);
        } else {
            participant = council.admit(actor.organizationId(), invitation.role(), actor.id(), Set.of(actor.id()),
                    actor.id(), now);
        }
        participants.save(participant);
        access.changed(council.id());
        invitation.accepted(actor.id(), participant.id(), now);
        invitations.save(invitation);
        return council.id();
    }

    /**
     * R13 without an account. The invitation, locked here, is the capability that lets identity register a new
     * organization and account with no administrator. The registration runs inside a savepoint: when identity (or
     * anything after it) refuses, the savepoint is rolled back — no organization, account or participant is left —
     * while the refusal is counted on the invitation and committed, and the refusal is then answered. After a few
     * refusals the link is used up. Events published inside a rolled-back savepoint are rolled back with it where
     * they were recorded in the transaction (the audit outbox, the event publication registry).
     */
    @Override
    public CouncilId register(String token, IdentityManagement.Newcomer details) {
        Registration outcome = transaction.execute(status -> {
            Invitation invitation = lockedInvitation(token);
            Council council = councils.findLockedById(invitation.councilId()).orElseThrow();
            Instant now = clock.instant();
            council.requireNotDissolved();
            try {
                return savepoint.execute(nested -> {
                    invitation.requireAcceptableByNewcomer(details == null || details.organization() == null ? null
                            : details.organization().kind(), now);
                    if (details == null) {
                        throw BansoException.invalid("username", "must be given");
                    }
                    IdentityManagement.RegisteredNewcomer newcomer = identity.registerNewcomer(details);
                    UserId user = newcomer.user().id();
                    Participant participant = participants.save(council.admit(newcomer.organization().id(),
                            invitation.role(), user, Set.of(user), user, now));
                    access.changed(council.id());
                    invitation.accepted(user, participant.id(), now);
                    invitations.save(invitation);
                    return new Registration(council.id(), null);
                });
            } catch (BansoException refused) {
                if (refused.code() == ProblemCode.VALIDATION_FAILED) {
                    invitation.registrationRefused(properties.invitationRegistrationAttempts(), now);
                    invitations.save(invitation);
                }
                return new Registration(null, refused);
            }
        });
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.council();
    }

    private record Registration(CouncilId council, BansoException refused) {
    }

    /** The invitation a token stands for, locked; an unknown token is {@code not-found}. */
    private Invitation lockedInvitation(String token) {
        return hashOf(token).flatMap(invitations::findLockedByTokenHash)
                .orElseThrow(() -> BansoException.notFound("The invitation"));
    }

    private Optional<org.banso.identity.OrganizationView> organization(OrganizationId id) {
        return id == null ? Optional.empty() : identity.organization(id);
    }

    private static Optional<byte[]> hashOf(String token) {
        return token == null || token.length() > 100 ? Optional.empty() : Optional.of(Pledge.sha256(token));
    }
}
