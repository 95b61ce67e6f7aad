package org.banso.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilDissolutionVeto;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.Councils;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalStatus;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a council's life (R5–R7): proposing it, the consents, establishing and dissolving it, and the
 * participants who join and leave. Each loads the aggregates, calls the verb that guards the rule, and saves.
 */
@Service
class EstablishingCouncils implements Councils {

    private final CouncilRepository councils;
    private final CouncilListings listings;
    private final ConsentRepository consents;
    private final ParticipantRepository participants;
    private final PledgeRepository pledges;
    private final PledgeTemplates templates;
    private final SignatureRepository signatures;
    private final ProposalRepository proposals;
    private final AnswerRepository answers;
    private final Adoptions adoptions;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final IdentityManagement identity;
    private final ObjectProvider<CouncilDissolutionVeto> vetoes;
    private final Clock clock;

    EstablishingCouncils(CouncilRepository councils, CouncilListings listings, ConsentRepository consents,
                         ParticipantRepository participants, PledgeRepository pledges, PledgeTemplates templates,
                         SignatureRepository signatures, ProposalRepository proposals, AnswerRepository answers,
                         Adoptions adoptions,
                         CouncilAccess access, CouncilReadModels views, IdentityManagement identity,
                         ObjectProvider<CouncilDissolutionVeto> vetoes, Clock clock) {
        this.councils = councils;
        this.listings = listings;
        this.consents = consents;
        this.participants = participants;
        this.pledges = pledges;
        this.templates = templates;
        this.signatures = signatures;
        this.proposals = proposals;
        this.answers = answers;
        this.adoptions = adoptions;
        this.access = access;
        this.views = views;
        this.identity = identity;
        this.vetoes = vetoes;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ proposing (R5, R7)

    @Override
    @Transactional
    public CouncilView propose(NewCouncil request, BansoUser actor) {
        return views.council(found(request, actor.id(), null, actor, true));
    }

    @Override
    @Transactional
    public CouncilId createForProject(ProjectCouncil request, BansoUser actor) {
        if (request == null || request.projectId() == null) {
            throw BansoException.invalid("projectId", "must not be empty");
        }
        if (request.principalInvestigatorId() == null) {
            throw BansoException.invalid("principalInvestigator", "must name the project's principal investigator");
        }
        boolean official = actor != null && actor.hasRole(Role.MINISTRY_OFFICIAL)
                && request.competentMinistryId() != null
                && request.competentMinistryId().equals(actor.organizationId());
        if (actor == null || !(official || actor.hasRole(Role.FUNDING_OFFICER))) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only a funding officer or an official of the competent ministry creates a project's council (R7).");
        }
        UserId representative = request.competentMinistryRepresentativeId() != null
                ? request.competentMinistryRepresentativeId() : official ? actor.id() : null;
        if (representative == null) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded("competentMinistryRepresentativeId", "required",
                            "must name a ministry official of the competent ministry to represent it (R7)")));
        }
        return found(new NewCouncil(request.name(), request.competentMinistryId(), List.of(request.projectId()),
                List.of(request.principalInvestigatorId())), representative, request.informationManagementDraft(),
                actor, false).id();
    }

    /**
     * Checks the request and founds the council: the council itself, version 1 of its pledge (the default text) and
     * the competent ministry as its first participant, represented by {@code representative}. With
     * {@code actorProposes} the actor must be an official of the competent ministry (and is the representative);
     * otherwise the caller has decided who may act, and the representative must be an enabled ministry official of
     * the competent ministry. Every event names the actor as {@code by}.
     */
    private Council found(NewCouncil request, UserId representative, String informationManagementDraft,
                          BansoUser actor, boolean actorProposes) {
        if (request == null) {
            throw BansoException.invalid("name", "must not be blank");
        }
        FieldChecks checks = new FieldChecks().text("name", request.name(), 200);
        Optional<OrganizationView> ministry = request.competentMinistryId() == null ? Optional.empty()
                : identity.organization(request.competentMinistryId());
        if (ministry.isEmpty() || ministry.get().kind() != OrganizationKind.MINISTRY) {
            checks.add(FieldError.coded("competentMinistryId", "ministry", "must name a registered ministry"));
        }
        List<UUID> projects = distinct(request.projectIds());
        for (UUID project : projects) {
            if (project == null || listings.ofProject(project).isPresent()) {
                checks.add(new FieldError("projectIds", "a project has exactly one council (R7)"));
            }
        }
        List<UserId> consenters = distinct(request.requiredConsenterIds());
        if (consenters.isEmpty()) {
            checks.add(FieldError.coded("requiredConsenterIds", "consenters",
                    "must name at least one researcher whose consent is required (R5)"));
        }
        if (consenters.stream().anyMatch(c -> c == null || identity.user(c).isEmpty())) {
            checks.add(FieldError.coded("requiredConsenterIds", "consenters", "must name registered people"));
        }
        String draft = informationManagementDraft == null || informationManagementDraft.isBlank() ? null
                : informationManagementDraft.strip();
        checks.optionalText("informationManagementDraft", draft, 50000);
        if (!actorProposes && !isMinistryOfficialOf(representative, request.competentMinistryId())) {
            checks.add(FieldError.coded("competentMinistryRepresentativeId", "ministry-official",
                    "must name an enabled ministry official of the competent ministry (R7)"));
        }
        checks.failIfAny();
        if (actorProposes && (!actor.hasRole(Role.MINISTRY_OFFICIAL)
                || !request.competentMinistryId().equals(actor.organizationId()))) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only an official of the competent ministry may propose its council (R5).");
        }
        Instant now = clock.instant();
        Council council = councils.save(Council.propose(request.name().strip(), request.competentMinistryId(),
                projects, consenters, draft, actor.id(), now));
        PledgeTemplates.Template standard = templates.standard();
        pledges.save(Pledge.first(council.id(), standard.textJa(), standard.textEn(), actor.id(), now));
        // the competent ministry takes part from the start, represented by the proposing (or named) official
        participants.save(council.admit(request.competentMinistryId(), ParticipantRole.COMPETENT_MINISTRY,
                representative, Set.of(representative), actor.id(), now));
        access.changed(council.id());
        return council;
    }

    private boolean isMinistryOfficialOf(UserId user, OrganizationId ministry) {
        return user != null && ministry != null && identity.user(user)
                .filter(u -> u.enabled() && u.roles().contains(Role.MINISTRY_OFFICIAL)
                        && ministry.equals(u.organizationId()))
                .isPresent();
    }

    // ------------------------------------------------------------------ reading

    @Override
    @Transactional(readOnly = true)
    public Optional<CouncilSummary> councilOfProject(UUID projectId) {
        return listings.ofProject(projectId).map(CouncilListings.Listing::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CouncilSummary> councils(BansoUser viewer) {
        boolean official = viewer.hasRole(Role.MINISTRY_OFFICIAL) && viewer.organizationId() != null;
        return listings.visibleTo(official, official ? viewer.organizationId().value() : new UUID(0, 0),
                viewer.id().value()).stream().map(CouncilListings.Listing::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CouncilSummary> allCouncils(CouncilId after, int limit) {
        return listings.page(after == null ? new UUID(0, 0) : after.value(), limit).stream()
                .map(CouncilListings.Listing::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CouncilSummary> summary(CouncilId id) {
        return listings.findById(id).map(CouncilListings.Listing::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public CouncilView council(CouncilId id, BansoUser viewer) {
        return views.council(access.visible(id, viewer));
    }

    // ------------------------------------------------------------------ establishment (R5, R7)

    @Override
    @Transactional
    public CouncilView recordConsent(CouncilId id, ConsentDecision decision, BansoUser actor) {
        Council council = access.visible(id, actor);
        if (decision == null) {
            throw BansoException.invalid("decision", "must be CONSENT or DECLINE");
        }
        consents.save(council.recordConsent(actor.id(), decision, clock.instant()));
        return views.council(council);
    }

    @Override
    @Transactional
    public CouncilView establish(CouncilId id, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        access.competent(council, actor);
        council.establish(consents.findByCouncilIdOrderBySeq(id), actor.id(), clock.instant());
        return views.council(councils.save(council));
    }

    @Override
    @Transactional
    public CouncilView dissolve(CouncilId id, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        access.competent(council, actor);
        council.dissolve(c -> vetoes.stream().anyMatch(veto -> veto.forbidsDissolution(c)), actor.id(),
                clock.instant());
        councils.save(council);
        access.changed(id);
        return views.council(council);
    }

    // ------------------------------------------------------------------ participants (R6, R12, R14)

    @Override
    @Transactional
    public CouncilView addParticipant(CouncilId id, NewParticipant request, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        access.competent(council, actor);
        council.requireNotDissolved();
        if (request == null) {
            throw BansoException.invalid("organizationId", "must name a registered organization");
        }
        FieldChecks checks = new FieldChecks();
        Optional<OrganizationView> org = request.organizationId() == null ? Optional.empty()
                : identity.organization(request.organizationId());
        if (org.isEmpty()) {
            checks.add(FieldError.coded("organizationId", "organization", "must name a registered organization"));
        }
        if (request.role() == null || request.role() == ParticipantRole.COMPETENT_MINISTRY) {
            checks.add(FieldError.coded("role", "one-of", "must be one of NEEDS_MINISTRY, RELATED_MINISTRY, "
                    + "FUNDING_AGENCY, RESEARCHER, COMPANY, STARTUP, UNIVERSITY, THINK_TANK (the competent ministry "
                    + "takes part from the start)"));
        } else if (org.isPresent() && !request.role().suits(org.get().kind())) {
            checks.add(new FieldError("role", "ministry roles are for ministries, other roles for other organizations"));
        }
        if (org.isPresent() && participants.findByCouncilIdAndOrganizationIdAndLeftAtIsNull(id, org.get().id())
                .isPresent()) {
            checks.add(new FieldError("organizationId", "already takes part in this council"));
        }
        Set<UserId> members = new LinkedHashSet<>();
        if (request.representativeId() != null) {
            members.add(request.representativeId());
        } else {
            checks.add(new FieldError("representativeId", "must name the participant's representative"));
        }
        if (request.memberIds() != null) {
            members.addAll(request.memberIds());
        }
        for (UserId member : members) {
            Optional<UserView> user = member == null ? Optional.empty() : identity.user(member);
            if (user.isEmpty() || org.isEmpty() || !org.get().id().equals(user.get().organizationId())) {
                checks.add(new FieldError("memberIds", "representative and members must be people of the organization"));
                break;
            }
        }
        checks.failIfAny();
        participants.save(council.admit(request.organizationId(), request.role(), request.representativeId(),
                members, actor.id(), clock.instant()));
        access.changed(id);
        return views.council(council);
    }

    @Override
    @Transactional
    public CouncilView removeParticipant(CouncilId id, ParticipantId participantId, BansoUser actor) {
        Council council = access.visibleLocked(id, actor);
        CouncilMembership me = access.participant(council, actor);
        Participant participant = current(id, participantId);
        Instant now = clock.instant();
        participant.leave(me, actor.id(), now);
        participants.save(participant);
        // access ends at once; the duty of confidentiality is recorded as continuing (R12)
        for (Signature signature : signatures.findByCouncilIdAndUserIdInAndEndedAtIsNull(id,
                participant.memberIds())) {
            signature.endOnLeaving(now);
            signatures.save(signature);
        }
        access.changed(id);
        // the remaining participants may now all have consented (R14)
        Set<ParticipantId> remaining = Set.copyOf(participants.currentParticipantIds(id));
        for (Proposal open : proposals.findLockedByCouncilIdAndStatus(id, ProposalStatus.OPEN)) {
            if (open.reconsider(answers.findByProposalIdOrderBySeq(open.id()), remaining, actor.id(), now)) {
                adoptions.save(open, true, actor.id());
            }
        }
        return views.council(council);
    }

    @Override
    @Transactional(readOnly = true)
    public void checkRemoveParticipant(CouncilId id, ParticipantId participantId, BansoUser actor) {
        CouncilMembership me = access.participant(access.visible(id, actor), actor);
        current(id, participantId).requireMayLeave(me);
    }

    private Participant current(CouncilId id, ParticipantId participantId) {
        return participants.findById(participantId).filter(p -> p.councilId().equals(id) && !p.hasLeft())
                .orElseThrow(() -> BansoException.notFound("The participant"));
    }

    /** The distinct elements, in order; nulls are kept for the validation to report. */
    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}
