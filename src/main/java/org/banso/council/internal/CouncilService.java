package org.banso.council.internal;

import static org.banso.council.internal.CouncilRecords.instant;
import static org.banso.council.internal.CouncilRecords.ts;
import static org.banso.council.internal.CouncilRecords.uuid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilDissolutionVeto;
import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilManagement;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews.ConsentView;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.IssuedInvitation;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.CouncilViews.ResponseView;
import org.banso.council.CouncilViews.RevisionView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.council.Designation;
import org.banso.council.InvitationId;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalDesignations;
import org.banso.council.ProposalId;
import org.banso.council.ProposalStatus;
import org.banso.council.internal.CouncilRecords.CouncilRow;
import org.banso.council.internal.CouncilRecords.ProposalRow;
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
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Councils: establishment (R5), participants (R6, R13), pledges (R12) and proposals decided by consensus (R8, R14).
 * Meetings, tasks and material requests are in {@link FollowUpService}. Every check of who someone is in a council
 * goes through {@link MembershipCache} (the {@code CouncilMemberships} query).
 */
@Service
class CouncilService {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final MembershipCache memberships;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CouncilProperties properties;
    private final JsonMapper json;
    private final ObjectProvider<ProposalDesignations> designations;
    private final ObjectProvider<CouncilDissolutionVeto> vetoes;

    CouncilService(JdbcClient jdbc, MembershipCache memberships, IdentityManagement identity,
                   ApplicationEventPublisher events, Clock clock, CouncilProperties properties, JsonMapper json,
                   ObjectProvider<ProposalDesignations> designations, ObjectProvider<CouncilDissolutionVeto> vetoes) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.designations = designations;
        this.vetoes = vetoes;
    }

    // ------------------------------------------------------------------ access

    /** The council, if the viewer may know it exists: members, required consenters, competent ministry officials. */
    public CouncilRow visible(CouncilId id, BansoUser viewer) {
        CouncilRow council = row(id).orElseThrow(() -> BansoException.notFound("The council"));
        if (!maySee(council, viewer)) {
            throw BansoException.notFound("The council");
        }
        return council;
    }

    private boolean maySee(CouncilRow council, BansoUser viewer) {
        if (viewer == null) {
            return false;
        }
        if (viewer.hasRole(Role.MINISTRY_OFFICIAL) && council.competentMinistryId().equals(viewer.organizationId())) {
            return true;
        }
        return memberships.membership(council.id(), viewer.id()).isPresent() || isRequiredConsenter(council.id(),
                viewer.id());
    }

    public CouncilMembership participant(CouncilRow council, BansoUser actor) {
        return memberships.membership(council.id(), actor.id()).orElseThrow(() -> new BansoException(
                ProblemCode.NOT_A_PARTICIPANT, "You are not a participant of this council."));
    }

    /** A participant who signed the current pledge: the condition for any non-public information (R12). */
    public CouncilMembership pledged(CouncilRow council, BansoUser actor) {
        CouncilMembership membership = participant(council, actor);
        if (!membership.pledgeSigned()) {
            throw new BansoException(ProblemCode.PLEDGE_REQUIRED,
                    "Sign this council's current confidentiality pledge first (R12).");
        }
        return membership;
    }

    /** A member of the competent ministry's participant: the one who runs the council. */
    public CouncilMembership competent(CouncilRow council, BansoUser actor) {
        CouncilMembership membership = participant(council, actor);
        if (membership.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the competent ministry's members may do this in a council.");
        }
        return membership;
    }

    public Optional<CouncilRow> row(CouncilId id) {
        return jdbc.sql("select * from council_council where id = ?").param(id.value()).query(CouncilRow::map)
                .optional();
    }

    private boolean isRequiredConsenter(CouncilId council, UserId user) {
        return jdbc.sql("select count(*) from council_required_consenter where council_id = ? and user_id = ?")
                .params(council.value(), user.value()).query(Long.class).single() > 0;
    }

    // ------------------------------------------------------------------ establishment (R5, R6, R7)

    @Transactional
    public CouncilView propose(CouncilManagement.NewCouncil request, BansoUser actor) {
        return view(insertCouncil(request, actor == null ? null : actor.id(), null, true, actor));
    }

    /**
     * Checks and writes a new council with the competent ministry as its first participant, represented by
     * {@code representative}. With {@code actorProposes} the actor must be an official of the competent ministry
     * (and is the representative); otherwise the caller has decided who may act, and the representative must be an
     * enabled ministry official of the competent ministry (a field error on
     * {@code competentMinistryRepresentativeId} if not). Events name the actor as {@code by}.
     */
    private CouncilRow insertCouncil(CouncilManagement.NewCouncil request, UserId representative,
                                     String informationManagementDraft, boolean actorProposes, BansoUser actor) {
        if (request == null) {
            throw BansoException.invalid("name", "must not be blank");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text("name", request.name(), 200, errors);
        Optional<OrganizationView> ministry = request.competentMinistryId() == null ? Optional.empty()
                : identity.organization(request.competentMinistryId());
        if (ministry.isEmpty() || ministry.get().kind() != OrganizationKind.MINISTRY) {
            errors.add(FieldError.coded("competentMinistryId", "ministry", "must name a registered ministry"));
        }
        List<UUID> projects = distinct(request.projectIds());
        for (UUID project : projects) {
            if (project == null || councilOfProjectId(project).isPresent()) {
                errors.add(new FieldError("projectIds", "a project has exactly one council (R7)"));
            }
        }
        List<UserId> consenters = distinct(request.requiredConsenterIds());
        if (consenters.isEmpty()) {
            errors.add(FieldError.coded("requiredConsenterIds", "consenters",
                    "must name at least one researcher whose consent is required (R5)"));
        }
        for (UserId consenter : consenters) {
            if (consenter == null || identity.user(consenter).isEmpty()) {
                errors.add(FieldError.coded("requiredConsenterIds", "consenters", "must name registered people"));
                break;
            }
        }
        String draft = informationManagementDraft == null || informationManagementDraft.isBlank() ? null
                : informationManagementDraft.strip();
        if (draft != null && draft.length() > 50000) {
            errors.add(FieldError.coded("informationManagementDraft", "too-long", "must be at most 50000 characters",
                    50000));
        }
        if (!actorProposes && !isMinistryOfficialOf(representative, request.competentMinistryId())) {
            errors.add(FieldError.coded("competentMinistryRepresentativeId", "ministry-official",
                    "must name an enabled ministry official of the competent ministry (R7)"));
        }
        failIfAny(errors);
        if (actorProposes && (!actor.hasRole(Role.MINISTRY_OFFICIAL)
                || !request.competentMinistryId().equals(actor.organizationId()))) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only an official of the competent ministry may propose its council (R5).");
        }
        Instant now = clock.instant();
        CouncilId id = CouncilId.random();
        OrganizationId ministryId = request.competentMinistryId();
        jdbc.sql("""
                insert into council_council (id, name, competent_ministry_id, status, pledge_version, proposed_by,
                                             proposed_at, information_management_draft)
                values (?, ?, ?, 'PROPOSED', 1, ?, ?, ?)""")
                .params(id.value(), name, ministryId.value(), actor.id().value(), ts(now), draft).update();
        projects.forEach(p -> jdbc.sql("insert into council_project (council_id, project_id) values (?, ?)")
                .params(id.value(), p).update());
        consenters.forEach(c -> jdbc.sql("insert into council_required_consenter (council_id, user_id) values (?, ?)")
                .params(id.value(), c.value()).update());
        jdbc.sql("""
                insert into council_pledge_text (council_id, version, text_ja, text_en, created_by, created_at)
                select ?, 1, text_ja, text_en, ?, ? from council_pledge_template where key = 'default'""")
                .params(id.value(), actor.id().value(), ts(now)).update();
        events.publishEvent(new CouncilEvents.CouncilProposed(id, ministryId, actor.id(), now));
        // the competent ministry takes part from the start, represented by the proposing (or named) official
        ParticipantId competent = insertParticipant(id, ministryId, ParticipantRole.COMPETENT_MINISTRY,
                representative, List.of(representative), actor.id(), now);
        events.publishEvent(new CouncilEvents.ParticipantJoined(id, competent, ministryId,
                ParticipantRole.COMPETENT_MINISTRY, actor.id(), now));
        return row(id).orElseThrow();
    }

    private boolean isMinistryOfficialOf(UserId user, OrganizationId ministry) {
        return user != null && ministry != null && identity.user(user)
                .filter(u -> u.enabled() && u.roles().contains(Role.MINISTRY_OFFICIAL)
                        && ministry.equals(u.organizationId()))
                .isPresent();
    }

    /**
     * R7: a K Program project's council. The actor is a funding officer (who names the competent ministry's
     * representative) or an official of the competent ministry (who represents it unless they name someone else).
     */
    @Transactional
    public CouncilId createCouncilForProject(CouncilManagement.ProjectCouncil request, BansoUser actor) {
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
        return insertCouncil(new CouncilManagement.NewCouncil(request.name(), request.competentMinistryId(),
                List.of(request.projectId()), List.of(request.principalInvestigatorId())), representative,
                request.informationManagementDraft(), false, actor).id();
    }

    @Transactional(readOnly = true)
    public Optional<CouncilSummary> councilOfProject(UUID projectId) {
        return councilOfProjectId(projectId).flatMap(this::row).map(CouncilService::summary);
    }

    private Optional<CouncilId> councilOfProjectId(UUID projectId) {
        return jdbc.sql("select council_id from council_project where project_id = ?").param(projectId)
                .query(UUID.class).optional().map(CouncilId::new);
    }

    @Transactional(readOnly = true)
    public List<CouncilSummary> councils(BansoUser viewer) {
        boolean official = viewer.hasRole(Role.MINISTRY_OFFICIAL) && viewer.organizationId() != null;
        return jdbc.sql("""
                        select * from council_council c
                        where (? and c.competent_ministry_id = ?)
                           or exists (select 1 from council_required_consenter r
                                      where r.council_id = c.id and r.user_id = ?)
                           or exists (select 1 from council_participant p
                                      join council_participant_member m on m.participant_id = p.id
                                      where p.council_id = c.id and p.left_at is null and m.user_id = ?)
                        order by c.proposed_at desc""")
                .params(official, official ? viewer.organizationId().value() : new UUID(0, 0), viewer.id().value(),
                        viewer.id().value())
                .query(CouncilRow::map).list().stream().map(CouncilService::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<CouncilSummary> allCouncils(CouncilId after, int limit) {
        return jdbc.sql("select * from council_council where id > ? order by id limit ?")
                .params(after == null ? new UUID(0, 0) : after.value(), limit)
                .query(CouncilRow::map).list().stream().map(CouncilService::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProposalView> proposalForIndex(ProposalId id) {
        return jdbc.sql("select * from council_proposal where id = ?").param(id.value()).query(ProposalRow::map)
                .optional().map(this::proposalView);
    }

    @Transactional(readOnly = true)
    public List<UUID> proposalAndMeetingIds(CouncilId id, boolean meetings) {
        return jdbc.sql("select id from " + (meetings ? "council_meeting" : "council_proposal")
                        + " where council_id = ? order by id").param(id.value()).query(UUID.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<CouncilSummary> councilSummary(CouncilId id) {
        return row(id).map(CouncilService::summary);
    }

    @Transactional(readOnly = true)
    public CouncilView council(CouncilId id, BansoUser viewer) {
        return view(visible(id, viewer));
    }

    @Transactional
    public CouncilView recordConsent(CouncilId id, String decision, BansoUser actor) {
        CouncilRow council = visible(id, actor);
        if (!"CONSENT".equals(decision) && !"DECLINE".equals(decision)) {
            throw BansoException.invalid("decision", "must be CONSENT or DECLINE");
        }
        if (!isRequiredConsenter(id, actor.id())) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only a required consenter records consent, and only their own (R5).");
        }
        if (council.status() != CouncilStatus.PROPOSED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is no longer awaiting consent.");
        }
        Instant now = clock.instant();
        jdbc.sql("insert into council_consent (id, council_id, user_id, decision, at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id.value(), actor.id().value(), decision, ts(now)).update();
        events.publishEvent(new CouncilEvents.ConsentRecorded(id, decision, actor.id(), now));
        return view(council);
    }

    @Transactional
    public CouncilView establish(CouncilId id, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        competent(council, actor);
        if (council.status() != CouncilStatus.PROPOSED) {
            throw new BansoException(ProblemCode.CONFLICT, "Only a proposed council can be established.");
        }
        Map<UUID, String> latest = latestConsents(id);
        List<UUID> required = jdbc.sql("select user_id from council_required_consenter where council_id = ?")
                .param(id.value()).query(UUID.class).list();
        if (required.stream().anyMatch(u -> "DECLINE".equals(latest.get(u)))) {
            throw new BansoException(ProblemCode.CONSENT_DECLINED,
                    "A required researcher declined: the council cannot be established (R5).");
        }
        long missing = required.stream().filter(u -> !"CONSENT".equals(latest.get(u))).count();
        if (missing > 0) {
            throw new BansoException(ProblemCode.CONSENT_MISSING,
                    missing + " required consent(s) are missing: the council cannot be established yet (R5).");
        }
        Instant now = clock.instant();
        jdbc.sql("update council_council set status = 'ESTABLISHED', established_at = ? where id = ?")
                .params(ts(now), id.value()).update();
        events.publishEvent(new CouncilEvents.CouncilEstablished(id, actor.id(), now));
        return view(row(id).orElseThrow());
    }

    @Transactional
    public CouncilView dissolve(CouncilId id, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        competent(council, actor);
        if (council.status() == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is already dissolved.");
        }
        for (CouncilDissolutionVeto veto : vetoes) {
            if (veto.forbidsDissolution(id)) {
                throw new BansoException(ProblemCode.COUNCIL_HAS_ACTIVE_PROJECT,
                        "The council serves an active K Program project and cannot be dissolved (R7).");
            }
        }
        Instant now = clock.instant();
        jdbc.sql("update council_council set status = 'DISSOLVED', dissolved_at = ? where id = ?")
                .params(ts(now), id.value()).update();
        memberships.invalidate(id);
        events.publishEvent(new CouncilEvents.CouncilDissolved(id, actor.id(), now));
        return view(row(id).orElseThrow());
    }

    private CouncilRow lockCouncil(CouncilId id) {
        return jdbc.sql("select * from council_council where id = ? for update").param(id.value())
                .query(CouncilRow::map).single();
    }

    private Map<UUID, String> latestConsents(CouncilId id) {
        Map<UUID, String> latest = new LinkedHashMap<>();
        jdbc.sql("select user_id, decision from council_consent where council_id = ? order by seq")
                .param(id.value()).query(rs -> {
                    latest.put(uuid(rs, "user_id"), rs.getString("decision"));
                });
        return latest;
    }

    // ------------------------------------------------------------------ participants (R6, R13)

    @Transactional
    public CouncilView addParticipant(CouncilId id, CouncilManagement.NewParticipant request, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        competent(council, actor);
        requireNotDissolved(council);
        if (request == null) {
            throw BansoException.invalid("organizationId", "must name a registered organization");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<OrganizationView> org = request.organizationId() == null ? Optional.empty()
                : identity.organization(request.organizationId());
        if (org.isEmpty()) {
            errors.add(FieldError.coded("organizationId", "organization", "must name a registered organization"));
        }
        if (request.role() == null || request.role() == ParticipantRole.COMPETENT_MINISTRY) {
            errors.add(FieldError.coded("role", "one-of", "must be one of NEEDS_MINISTRY, RELATED_MINISTRY, "
                    + "FUNDING_AGENCY, RESEARCHER, COMPANY, STARTUP, UNIVERSITY, THINK_TANK (the competent ministry "
                    + "takes part from the start)"));
        } else if (org.isPresent() && isMinistryRole(request.role()) != (org.get().kind() == OrganizationKind.MINISTRY)) {
            errors.add(new FieldError("role", "ministry roles are for ministries, other roles for other organizations"));
        }
        if (org.isPresent() && currentParticipantOf(id, org.get().id()).isPresent()) {
            errors.add(new FieldError("organizationId", "already takes part in this council"));
        }
        Set<UserId> members = new LinkedHashSet<>();
        if (request.representativeId() != null) {
            members.add(request.representativeId());
        } else {
            errors.add(new FieldError("representativeId", "must name the participant's representative"));
        }
        if (request.memberIds() != null) {
            members.addAll(request.memberIds());
        }
        for (UserId member : members) {
            Optional<UserView> user = member == null ? Optional.empty() : identity.user(member);
            if (user.isEmpty() || org.isEmpty() || !org.get().id().equals(user.get().organizationId())) {
                errors.add(new FieldError("memberIds", "representative and members must be people of the organization"));
                break;
            }
        }
        failIfAny(errors);
        Instant now = clock.instant();
        ParticipantId participant = insertParticipant(id, request.organizationId(), request.role(),
                request.representativeId(), List.copyOf(members), actor.id(), now);
        events.publishEvent(new CouncilEvents.ParticipantJoined(id, participant, request.organizationId(),
                request.role(), actor.id(), now));
        return view(row(id).orElseThrow());
    }

    private static boolean isMinistryRole(ParticipantRole role) {
        return role == ParticipantRole.COMPETENT_MINISTRY || role == ParticipantRole.NEEDS_MINISTRY
                || role == ParticipantRole.RELATED_MINISTRY;
    }

    private ParticipantId insertParticipant(CouncilId council, OrganizationId org, ParticipantRole role,
                                            UserId representative, List<UserId> members, UserId by, Instant now) {
        ParticipantId id = ParticipantId.random();
        jdbc.sql("""
                insert into council_participant (id, council_id, organization_id, role, representative_id, joined_at,
                                                 joined_by) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), council.value(), org.value(), role.name(), representative.value(), ts(now),
                        by.value()).update();
        for (UserId member : members) {
            jdbc.sql("insert into council_participant_member (participant_id, user_id, added_at) values (?, ?, ?)")
                    .params(id.value(), member.value(), ts(now)).update();
        }
        memberships.invalidate(council);
        return id;
    }

    private Optional<ParticipantId> currentParticipantOf(CouncilId council, OrganizationId org) {
        return jdbc.sql("""
                        select id from council_participant
                        where council_id = ? and organization_id = ? and left_at is null""")
                .params(council.value(), org.value()).query(UUID.class).optional().map(ParticipantId::new);
    }

    @Transactional
    public CouncilView removeParticipant(CouncilId id, ParticipantId participant, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        CouncilMembership me = participant(council, actor);
        List<Map<String, Object>> rows = jdbc.sql("""
                        select role, representative_id from council_participant
                        where id = ? and council_id = ? and left_at is null""")
                .params(participant.value(), id.value()).query().listOfRows();
        if (rows.isEmpty()) {
            throw BansoException.notFound("The participant");
        }
        boolean leavingItself = me.participant().equals(participant) && me.representative();
        if (!leavingItself && me.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "A participant leaves through its representative, or is removed by the competent ministry.");
        }
        if (ParticipantRole.COMPETENT_MINISTRY.name().equals(rows.get(0).get("role"))) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "The competent ministry cannot leave its council; dissolve the council instead.");
        }
        Instant now = clock.instant();
        jdbc.sql("update council_participant set left_at = ?, left_by = ? where id = ?")
                .params(ts(now), actor.id().value(), participant.value()).update();
        // access ends at once; the duty of confidentiality is recorded as continuing (R12)
        jdbc.sql("""
                update council_pledge_signature s set ended_at = ?, ended_reason = 'LEFT', duty_continues = true
                where s.council_id = ? and s.ended_at is null
                  and s.user_id in (select user_id from council_participant_member where participant_id = ?)""")
                .params(ts(now), id.value(), participant.value()).update();
        memberships.invalidate(id);
        events.publishEvent(new CouncilEvents.ParticipantLeft(id, participant, actor.id(), now));
        // the remaining participants may now all have consented (R14)
        for (UUID open : jdbc.sql("select id from council_proposal where council_id = ? and status = 'OPEN'")
                .param(id.value()).query(UUID.class).list()) {
            ProposalRow proposal = lockProposal(new ProposalId(open));
            if (!proposal.lapsed(now)) {
                adoptIfEveryoneConsented(proposal, actor.id(), now);
            }
        }
        return view(row(id).orElseThrow());
    }

    private static void requireNotDissolved(CouncilRow council) {
        if (council.status() == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is dissolved.");
        }
    }

    @Transactional
    public IssuedInvitation invite(CouncilId id, ParticipantRole role, BansoUser actor) {
        CouncilRow council = visible(id, actor);
        competent(council, actor);
        requireNotDissolved(council);
        if (role == null || role == ParticipantRole.COMPETENT_MINISTRY) {
            throw BansoException.invalid("role", "must be the role the invitee's organization takes, e.g. RESEARCHER");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "bnsi_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.invitationLifetime());
        InvitationId invitation = InvitationId.random();
        jdbc.sql("""
                insert into council_invitation (id, council_id, role, token_hash, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(invitation.value(), id.value(), role.name(), sha256(token), actor.id().value(), ts(now),
                        ts(expires)).update();
        events.publishEvent(new CouncilEvents.InvitationIssued(id, invitation, expires, actor.id(), now));
        return new IssuedInvitation(invitation, id, role, token, "/invitations/" + token, expires);
    }

    @Transactional(readOnly = true)
    public List<InvitationView> invitations(CouncilId id, BansoUser actor) {
        competent(visible(id, actor), actor);
        return jdbc.sql("select * from council_invitation where council_id = ? order by created_at desc")
                .param(id.value()).query((rs, n) -> new InvitationView(new InvitationId(uuid(rs, "id")),
                        ParticipantRole.valueOf(rs.getString("role")), new UserId(uuid(rs, "created_by")),
                        instant(rs, "created_at"), instant(rs, "expires_at"),
                        rs.getObject("accepted_by") == null ? null : new UserId(uuid(rs, "accepted_by")),
                        instant(rs, "accepted_at"), instant(rs, "revoked_at"))).list();
    }

    @Transactional
    public void revokeInvitation(CouncilId id, InvitationId invitation, BansoUser actor) {
        competent(visible(id, actor), actor);
        int changed = jdbc.sql("""
                        update council_invitation set revoked_at = ?
                        where id = ? and council_id = ? and accepted_at is null and revoked_at is null""")
                .params(ts(clock.instant()), invitation.value(), id.value()).update();
        if (changed == 0) {
            throw BansoException.notFound("An open invitation");
        }
        events.publishEvent(new CouncilEvents.InvitationRevoked(id, invitation, actor.id(), clock.instant()));
    }

    /** Looks an invitation up by its token without using it, for the page that asks the invitee to confirm. */
    @Transactional(readOnly = true)
    public Optional<org.banso.council.CouncilViews.InvitationPreview> previewInvitation(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        select i.*, c.name from council_invitation i join council_council c on c.id = i.council_id
                        where i.token_hash = ?""").param(sha256(token))
                .query((rs, n) -> {
                    InvitationView v = new InvitationView(new InvitationId(uuid(rs, "id")),
                            ParticipantRole.valueOf(rs.getString("role")), new UserId(uuid(rs, "created_by")),
                            instant(rs, "created_at"), instant(rs, "expires_at"), null, instant(rs, "accepted_at"),
                            instant(rs, "revoked_at"));
                    return new org.banso.council.CouncilViews.InvitationPreview(new CouncilId(uuid(rs, "council_id")),
                            rs.getString("name"), v.role(), v.state(now), v.expiresAt());
                }).optional();
    }

    @Transactional
    public CouncilId acceptInvitation(String token, BansoUser actor) {
        Map<String, Object> invitation = lockUsableInvitation(token);
        Instant now = clock.instant();
        CouncilId councilId = new CouncilId((UUID) invitation.get("council_id"));
        CouncilRow council = lockCouncil(councilId);
        requireNotDissolved(council);
        if (actor.organizationId() == null) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Your account belongs to no organization.");
        }
        ParticipantId participant;
        Optional<ParticipantId> existing = currentParticipantOf(councilId, actor.organizationId());
        if (existing.isPresent()) {
            participant = existing.get();
            int added = jdbc.sql("""
                            insert into council_participant_member (participant_id, user_id, added_at)
                            values (?, ?, ?) on conflict do nothing""")
                    .params(participant.value(), actor.id().value(), ts(now)).update();
            if (added > 0) {
                events.publishEvent(new CouncilEvents.MemberAdded(councilId, participant, actor.id(), actor.id(),
                        now));
            }
            memberships.invalidate(councilId);
        } else {
            ParticipantRole role = ParticipantRole.valueOf((String) invitation.get("role"));
            participant = insertParticipant(councilId, actor.organizationId(), role, actor.id(), List.of(actor.id()),
                    actor.id(), now);
            events.publishEvent(new CouncilEvents.ParticipantJoined(councilId, participant, actor.organizationId(),
                    role, actor.id(), now));
        }
        useInvitation(invitation, councilId, participant, actor.id(), now);
        return councilId;
    }

    /**
     * R13 without an account: the invitation, locked and checked here, is the capability that lets identity register
     * a new organization and account with no administrator. All in this one transaction: a refusal at any step
     * leaves no organization, account, participant or used invitation behind.
     */
    @Transactional
    public CouncilId acceptInvitationAsNewcomer(String token, IdentityManagement.Newcomer details) {
        Map<String, Object> invitation = lockUsableInvitation(token);
        CouncilId councilId = new CouncilId((UUID) invitation.get("council_id"));
        CouncilRow council = lockCouncil(councilId);
        requireNotDissolved(council);
        ParticipantRole role = ParticipantRole.valueOf((String) invitation.get("role"));
        if (isMinistryRole(role)) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "A ministry's invitation is accepted by an existing ministry account, not by registering.");
        }
        if (details == null) {
            throw BansoException.invalid("username", "must be given");
        }
        IdentityManagement.RegisteredNewcomer newcomer = identity.registerNewcomer(details);
        UserId user = newcomer.user().id();
        OrganizationId organization = newcomer.organization().id();
        Instant now = clock.instant();
        ParticipantId participant = insertParticipant(councilId, organization, role, user, List.of(user), user, now);
        events.publishEvent(new CouncilEvents.ParticipantJoined(councilId, participant, organization, role, user, now));
        useInvitation(invitation, councilId, participant, user, now);
        return councilId;
    }

    /** Locks the invitation a token stands for: unknown → not found; used, revoked or expired → conflict. */
    private Map<String, Object> lockUsableInvitation(String token) {
        if (token == null || token.length() > 100) {
            throw BansoException.notFound("The invitation");
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                        select id, council_id, role, expires_at, accepted_at, revoked_at from council_invitation
                        where token_hash = ? for update""").param(sha256(token)).query().listOfRows();
        if (rows.isEmpty()) {
            throw BansoException.notFound("The invitation");
        }
        Map<String, Object> invitation = rows.get(0);
        Instant now = clock.instant();
        if (invitation.get("accepted_at") != null || invitation.get("revoked_at") != null
                || !now.isBefore(((java.sql.Timestamp) invitation.get("expires_at")).toInstant())) {
            throw new BansoException(ProblemCode.CONFLICT,
                    "This invitation was already used, was revoked or has expired (R13).");
        }
        return invitation;
    }

    private void useInvitation(Map<String, Object> invitation, CouncilId councilId, ParticipantId participant,
                               UserId by, Instant now) {
        InvitationId invitationId = new InvitationId((UUID) invitation.get("id"));
        jdbc.sql("update council_invitation set accepted_by = ?, accepted_at = ? where id = ?")
                .params(by.value(), ts(now), invitationId.value()).update();
        events.publishEvent(new CouncilEvents.InvitationAccepted(councilId, invitationId, participant, by, now));
    }

    // ------------------------------------------------------------------ pledge (R12)

    @Transactional(readOnly = true)
    public PledgeView pledge(CouncilId id, BansoUser viewer) {
        CouncilRow council = visible(id, viewer);
        Map<String, Object> text = currentText(council);
        Optional<Instant> signedAt = jdbc.sql("""
                        select signed_at from council_pledge_signature
                        where council_id = ? and user_id = ? and version = ? and ended_at is null""")
                .params(id.value(), viewer.id().value(), council.pledgeVersion()).query(java.sql.Timestamp.class)
                .optional().map(java.sql.Timestamp::toInstant);
        boolean signed = memberships.membership(id, viewer.id()).map(CouncilMembership::pledgeSigned).orElse(false);
        return new PledgeView(id, council.pledgeVersion(), (String) text.get("text_ja"), (String) text.get("text_en"),
                signed, signed ? signedAt.orElse(null) : null, true);
    }

    private Map<String, Object> currentText(CouncilRow council) {
        return jdbc.sql("select text_ja, text_en from council_pledge_text where council_id = ? and version = ?")
                .params(council.id().value(), council.pledgeVersion()).query().singleRow();
    }

    @Transactional
    public PledgeView signPledge(CouncilId id, String language, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        participant(council, actor);
        requireNotDissolved(council);
        String lang = language == null || language.isBlank() ? "ja" : language;
        if (!lang.equals("ja") && !lang.equals("en")) {
            throw BansoException.invalid("language", "must be ja or en");
        }
        Map<String, Object> text = currentText(council);
        String signedText = (String) text.get(lang.equals("ja") ? "text_ja" : "text_en");
        byte[] hash = sha256(signedText);
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into council_pledge_signature (id, council_id, user_id, version, language, text_sha256,
                                                              signed_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(UUID.randomUUID(), id.value(), actor.id().value(), council.pledgeVersion(), lang, hash,
                        ts(now)).update();
        if (inserted > 0) {
            memberships.invalidate(id);
            events.publishEvent(new CouncilEvents.PledgeSigned(id, council.pledgeVersion(),
                    HexFormat.of().formatHex(hash), actor.id(), now));
        }
        return pledge(id, actor);
    }

    @Transactional
    public void revokePledge(CouncilId id, BansoUser actor) {
        CouncilRow council = visible(id, actor);
        Instant now = clock.instant();
        int ended = jdbc.sql("""
                        update council_pledge_signature set ended_at = ?, ended_reason = 'REVOKED'
                        where council_id = ? and user_id = ? and ended_at is null""")
                .params(ts(now), id.value(), actor.id().value()).update();
        if (ended == 0) {
            throw BansoException.notFound("A signed pledge");
        }
        memberships.invalidate(id);
        events.publishEvent(new CouncilEvents.PledgeRevoked(id, council.pledgeVersion(), actor.id(), now));
    }

    @Transactional
    public PledgeView publishPledgeVersion(CouncilId id, String textJa, String textEn, BansoUser actor) {
        CouncilRow council = lockCouncil(visible(id, actor).id());
        competent(council, actor);
        List<FieldError> errors = new ArrayList<>();
        String ja = text("textJa", textJa, 20000, errors);
        String en = text("textEn", textEn, 20000, errors);
        failIfAny(errors);
        int version = council.pledgeVersion() + 1;
        Instant now = clock.instant();
        jdbc.sql("""
                insert into council_pledge_text (council_id, version, text_ja, text_en, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""").params(id.value(), version, ja, en, actor.id().value(), ts(now))
                .update();
        jdbc.sql("update council_council set pledge_version = ? where id = ?").params(version, id.value()).update();
        // everyone, the publisher included, is unsigned until they sign the new text
        memberships.invalidate(id);
        events.publishEvent(new CouncilEvents.PledgeVersionPublished(id, version, actor.id(), now));
        return pledge(id, actor);
    }

    @Transactional(readOnly = true)
    public List<SignatureView> signatures(CouncilId id, BansoUser viewer) {
        pledged(visible(id, viewer), viewer);
        return jdbc.sql("select * from council_pledge_signature where council_id = ? order by signed_at")
                .param(id.value()).query((rs, n) -> new SignatureView(new UserId(uuid(rs, "user_id")),
                        rs.getInt("version"), rs.getString("language"),
                        HexFormat.of().formatHex(rs.getBytes("text_sha256")), instant(rs, "signed_at"),
                        instant(rs, "ended_at"), rs.getString("ended_reason"), rs.getBoolean("duty_continues")))
                .list();
    }

    // ------------------------------------------------------------------ proposals (R8, R14)

    @Transactional
    public ProposalView propose(CouncilId id, CouncilManagement.NewProposal request, BansoUser actor) {
        CouncilRow council = visible(id, actor);
        pledged(council, actor);
        if (council.status() != CouncilStatus.ESTABLISHED) {
            throw new BansoException(ProblemCode.COUNCIL_NOT_ESTABLISHED,
                    "Proposals are made in an established council.");
        }
        if (request == null) {
            throw BansoException.invalid("matter", "must be one of the four matters (R8)");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.matter() == null) {
            errors.add(FieldError.coded("matter", "one-of", "must be one of INFORMATION_COLLECTION, PROMOTION, "
                    + "CONTENT_AND_RESULTS, INFORMATION_MANAGEMENT (R8)"));
        }
        String title = text("title", request.title(), 300, errors);
        String body = text("body", request.body(), 50000, errors);
        Instant now = clock.instant();
        if (request.responseDeadline() != null && !request.responseDeadline().isAfter(now)) {
            errors.add(new FieldError("responseDeadline", "must be in the future"));
        }
        failIfAny(errors);
        checkDesignation(id, request.matter(), request.designation());
        ProposalId proposal = ProposalId.random();
        jdbc.sql("""
                insert into council_proposal (id, council_id, matter, status, revision, proposed_by, proposed_at,
                                              response_deadline) values (?, ?, ?, 'OPEN', 1, ?, ?, ?)""")
                .params(proposal.value(), id.value(), request.matter().name(), actor.id().value(), ts(now),
                        ts(request.responseDeadline())).update();
        insertRevision(proposal, 1, title, body, request.designation(), actor.id(), now);
        events.publishEvent(new CouncilEvents.ProposalSubmitted(id, proposal, request.matter(),
                request.designation() != null, actor.id(), now));
        return proposal(proposal, actor);
    }

    /** Designations are refused when proposed, not at adoption (R14, R15). */
    private void checkDesignation(CouncilId council, Matter matter, Designation designation) {
        if (designation == null) {
            return;
        }
        if (!matter.mayCarryDesignation()) {
            throw BansoException.invalid("designation",
                    "only proposals of matters CONTENT_AND_RESULTS or INFORMATION_MANAGEMENT carry a designation");
        }
        ProposalDesignations spi = designations.getIfAvailable();
        if (spi == null) {
            throw BansoException.invalid("designation", "designations are not available yet");
        }
        spi.validate(council, designation);
    }

    private void insertRevision(ProposalId proposal, int revision, String title, String body, Designation designation,
                                UserId by, Instant now) {
        jdbc.sql("""
                insert into council_proposal_revision (proposal_id, revision, title, body, designation, created_by,
                                                       created_at) values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(proposal.value(), revision, title, body,
                        designation == null ? null : json.writeValueAsString(designation), by.value(), ts(now))
                .update();
    }

    @Transactional(readOnly = true)
    public List<ProposalSummary> proposals(CouncilId id, BansoUser viewer) {
        pledged(visible(id, viewer), viewer);
        Instant now = clock.instant();
        return jdbc.sql("""
                        select p.*, r.title from council_proposal p
                        join council_proposal_revision r on r.proposal_id = p.id and r.revision = p.revision
                        where p.council_id = ? order by p.proposed_at desc""").param(id.value())
                .query((rs, n) -> {
                    ProposalRow p = ProposalRow.map(rs, n);
                    return new ProposalSummary(p.id(), p.councilId(), p.matter(), rs.getString("title"),
                            status(p, now), p.revision(), p.proposedAt());
                }).list();
    }

    private static ProposalStatus status(ProposalRow p, Instant now) {
        return p.lapsed(now) ? ProposalStatus.LAPSED : ProposalStatus.valueOf(p.status());
    }

    /** The proposal's council, checked for the viewer: unknown proposals and invisible councils look alike. */
    private CouncilRow councilOf(ProposalRow proposal, BansoUser viewer) {
        try {
            return visible(proposal.councilId(), viewer);
        } catch (BansoException e) {
            throw BansoException.notFound("The proposal");
        }
    }

    private ProposalRow proposalRow(ProposalId id) {
        return jdbc.sql("select * from council_proposal where id = ?").param(id.value()).query(ProposalRow::map)
                .optional().orElseThrow(() -> BansoException.notFound("The proposal"));
    }

    private ProposalRow lockProposal(ProposalId id) {
        return jdbc.sql("select * from council_proposal where id = ? for update").param(id.value())
                .query(ProposalRow::map).optional().orElseThrow(() -> BansoException.notFound("The proposal"));
    }

    @Transactional(readOnly = true)
    public ProposalView proposal(ProposalId id, BansoUser viewer) {
        ProposalRow proposal = proposalRow(id);
        pledged(councilOf(proposal, viewer), viewer);
        return proposalView(proposal);
    }

    private ProposalView proposalView(ProposalRow p) {
        return proposalView(p, null);
    }

    /** @param knownAwaiting who has not answered yet, when the caller already knows; null to look it up */
    private ProposalView proposalView(ProposalRow p, List<ParticipantId> knownAwaiting) {
        List<RevisionView> revisions = jdbc.sql("""
                        select * from council_proposal_revision where proposal_id = ? order by revision""")
                .param(p.id().value()).query((rs, n) -> new RevisionView(rs.getInt("revision"), rs.getString("title"),
                        rs.getString("body"), designation(rs.getString("designation")),
                        new UserId(uuid(rs, "created_by")), instant(rs, "created_at"))).list();
        List<ResponseView> responses = jdbc.sql("""
                        select * from council_proposal_response where proposal_id = ? order by seq""")
                .param(p.id().value()).query((rs, n) -> new ResponseView(rs.getInt("revision"),
                        new ParticipantId(uuid(rs, "participant_id")), rs.getString("response"),
                        rs.getString("reason"), new UserId(uuid(rs, "responded_by")), instant(rs, "at"))).list();
        List<ParticipantId> awaiting = knownAwaiting != null ? knownAwaiting : "OPEN".equals(p.status()) ? jdbc.sql("""
                        select pa.id from council_participant pa
                        where pa.council_id = ? and pa.left_at is null
                          and not exists (select 1 from council_proposal_response r
                                          where r.proposal_id = ? and r.revision = ? and r.participant_id = pa.id)
                        order by pa.joined_at""")
                .params(p.councilId().value(), p.id().value(), p.revision()).query(UUID.class).list().stream()
                .map(ParticipantId::new).toList() : List.of();
        RevisionView current = revisions.get(revisions.size() - 1);
        return new ProposalView(p.id(), p.councilId(), p.matter(), status(p, clock.instant()), p.revision(),
                current.title(), current.body(), current.designation(), p.proposedBy(), p.proposedAt(),
                p.responseDeadline(), p.closedAt(), revisions, responses, awaiting);
    }

    private Designation designation(String stored) {
        return stored == null ? null : json.readValue(stored, Designation.class);
    }

    /**
     * One answer per participant per revision, by its representative (R14). The proposal row is locked first, so
     * answers to one proposal are serialized and the last consent adopts exactly once.
     */
    @Transactional
    public ProposalView respond(ProposalId id, String response, String reason, BansoUser actor) {
        // the proposal row locked and its council read in one statement
        Object[] locked = jdbc.sql("""
                        select p.*, c.name as c_name, c.competent_ministry_id as c_competent_ministry_id,
                               c.status as c_status, c.pledge_version as c_pledge_version,
                               c.proposed_by as c_proposed_by, c.proposed_at as c_proposed_at,
                               c.established_at as c_established_at, c.dissolved_at as c_dissolved_at
                        from council_proposal p join council_council c on c.id = p.council_id
                        where p.id = ? for update of p""").param(id.value())
                .query((rs, n) -> new Object[] {ProposalRow.map(rs, n), new CouncilRow(
                        new CouncilId(uuid(rs, "council_id")), rs.getString("c_name"),
                        new OrganizationId(uuid(rs, "c_competent_ministry_id")),
                        CouncilStatus.valueOf(rs.getString("c_status")), rs.getInt("c_pledge_version"),
                        new UserId(uuid(rs, "c_proposed_by")), instant(rs, "c_proposed_at"),
                        instant(rs, "c_established_at"), instant(rs, "c_dissolved_at"))})
                .optional().orElseThrow(() -> BansoException.notFound("The proposal"));
        ProposalRow proposal = (ProposalRow) locked[0];
        CouncilRow council = (CouncilRow) locked[1];
        if (!maySee(council, actor)) {
            throw BansoException.notFound("The proposal");
        }
        CouncilMembership me = pledged(council, actor);
        if (!me.representative()) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "A participant answers through its representative (R14).");
        }
        if (!"CONSENT".equals(response) && !"OBJECT".equals(response)) {
            throw BansoException.invalid("response", "must be CONSENT or OBJECT");
        }
        String why = reason == null ? null : reason.strip();
        if ("OBJECT".equals(response) && (why == null || why.isEmpty())) {
            throw FailFields.of(FieldError.coded("reason", "required", "an objection gives its reason"));
        }
        if (why != null && why.length() > 5000) {
            throw BansoException.invalid("reason", "must be at most 5000 characters");
        }
        Instant now = clock.instant();
        if (!"OPEN".equals(proposal.status()) || proposal.lapsed(now)
                || council.status() == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.PROPOSAL_CLOSED, "The proposal is no longer open.");
        }
        // one answer per participant per revision: the primary key decides, without a separate look-up
        int inserted = jdbc.sql("""
                        insert into council_proposal_response (proposal_id, revision, participant_id, response, reason,
                                                               responded_by, at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(id.value(), proposal.revision(), me.participant().value(), response,
                        why == null || why.isEmpty() ? null : why, actor.id().value(), ts(now)).update();
        if (inserted == 0) {
            throw new BansoException(ProblemCode.ALREADY_RESPONDED,
                    "Your participant already answered this revision (R14).");
        }
        events.publishEvent(new CouncilEvents.ProposalAnswered(proposal.councilId(), id, proposal.revision(),
                me.participant(), response, actor.id(), now));
        Map<ParticipantId, String> answers = currentAnswers(proposal);
        if ("CONSENT".equals(response) && everyoneConsented(answers)) {
            adopt(proposal, actor.id(), now);
            return proposalView(new ProposalRow(proposal.id(), proposal.councilId(), proposal.matter(), "ADOPTED",
                    proposal.revision(), proposal.proposedBy(), proposal.proposedAt(), proposal.responseDeadline(),
                    now), List.of());
        }
        return proposalView(proposal, awaiting(answers));
    }

    /** Every current participant and its answer to the proposal's current revision (null: not yet). */
    private Map<ParticipantId, String> currentAnswers(ProposalRow proposal) {
        Map<ParticipantId, String> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        select pa.id, r.response from council_participant pa
                        left join council_proposal_response r
                               on r.proposal_id = ? and r.revision = ? and r.participant_id = pa.id
                        where pa.council_id = ? and pa.left_at is null
                        order by pa.joined_at, pa.id""")
                .params(proposal.id().value(), proposal.revision(), proposal.councilId().value())
                .query(rs -> {
                    answers.put(new ParticipantId(uuid(rs, "id")), rs.getString("response"));
                });
        return answers;
    }

    private static boolean everyoneConsented(Map<ParticipantId, String> answers) {
        return !answers.isEmpty() && answers.values().stream().allMatch("CONSENT"::equals);
    }

    private static List<ParticipantId> awaiting(Map<ParticipantId, String> answers) {
        return answers.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /**
     * Adopts the (locked, open) proposal when every current participant has consented to its current revision, and
     * applies its designation in the same transaction (R14).
     */
    private boolean adoptIfEveryoneConsented(ProposalRow proposal, UserId by, Instant now) {
        if (!"OPEN".equals(proposal.status()) || !everyoneConsented(currentAnswers(proposal))) {
            return false;
        }
        adopt(proposal, by, now);
        return true;
    }

    /** Marks the locked, open proposal adopted and applies what it carries, in the caller's transaction. */
    private void adopt(ProposalRow proposal, UserId by, Instant now) {
        int adopted = jdbc.sql("""
                        update council_proposal set status = 'ADOPTED', closed_at = ?, closed_by = ?
                        where id = ? and status = 'OPEN' and revision = ?""")
                .params(ts(now), by.value(), proposal.id().value(), proposal.revision()).update();
        if (adopted != 1) {
            throw new IllegalStateException("An open proposal that was locked changed underneath: " + proposal.id());
        }
        Designation designation = designation(jdbc.sql("""
                        select designation::text from council_proposal_revision where proposal_id = ? and revision = ?""")
                .params(proposal.id().value(), proposal.revision()).query(String.class).optional().orElse(null));
        if (designation != null) {
            ProposalDesignations spi = designations.getIfAvailable();
            if (spi == null) {
                throw new BansoException(ProblemCode.CONFLICT,
                        "The proposal carries a designation but designations are not available.");
            }
            spi.apply(proposal.councilId(), proposal.id(), designation, by);
        }
        events.publishEvent(new CouncilEvents.ProposalAdopted(proposal.councilId(), proposal.id(),
                proposal.revision(), designation != null, by, now));
    }

    @Transactional
    public ProposalView amend(ProposalId id, String title, String body, Designation designation, BansoUser actor) {
        ProposalRow proposal = lockProposal(id);
        CouncilRow council = councilOf(proposal, actor);
        CouncilMembership me = pledged(council, actor);
        requireProposerOrCompetent(proposal, me, actor);
        Instant now = clock.instant();
        if (!"OPEN".equals(proposal.status()) || proposal.lapsed(now)
                || council.status() == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.PROPOSAL_CLOSED, "The proposal is no longer open.");
        }
        List<FieldError> errors = new ArrayList<>();
        String t = text("title", title, 300, errors);
        String b = text("body", body, 50000, errors);
        failIfAny(errors);
        checkDesignation(council.id(), proposal.matter(), designation);
        int revision = proposal.revision() + 1;
        insertRevision(id, revision, t, b, designation, actor.id(), now);
        jdbc.sql("update council_proposal set revision = ? where id = ?").params(revision, id.value()).update();
        events.publishEvent(new CouncilEvents.ProposalAmended(council.id(), id, revision, actor.id(), now));
        return proposalView(proposalRow(id));
    }

    @Transactional
    public ProposalView withdraw(ProposalId id, BansoUser actor) {
        ProposalRow proposal = lockProposal(id);
        CouncilRow council = councilOf(proposal, actor);
        CouncilMembership me = participant(council, actor);
        requireProposerOrCompetent(proposal, me, actor);
        Instant now = clock.instant();
        if (!"OPEN".equals(proposal.status())) {
            throw new BansoException(ProblemCode.PROPOSAL_CLOSED, "The proposal is no longer open.");
        }
        jdbc.sql("update council_proposal set status = 'WITHDRAWN', closed_at = ?, closed_by = ? where id = ?")
                .params(ts(now), actor.id().value(), id.value()).update();
        events.publishEvent(new CouncilEvents.ProposalWithdrawn(council.id(), id, actor.id(), now));
        return proposalView(proposalRow(id));
    }

    private static void requireProposerOrCompetent(ProposalRow proposal, CouncilMembership me, BansoUser actor) {
        if (!proposal.proposedBy().equals(actor.id()) && me.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the proposer or the competent ministry may amend or withdraw a proposal.");
        }
    }

    // ------------------------------------------------------------------ views

    public CouncilView view(CouncilRow c) {
        List<UUID> projects = jdbc.sql("select project_id from council_project where council_id = ? order by 1")
                .param(c.id().value()).query(UUID.class).list();
        List<UserId> consenters = jdbc.sql("select user_id from council_required_consenter where council_id = ?")
                .param(c.id().value()).query(UUID.class).list().stream().map(UserId::new).toList();
        Map<UUID, List<UserId>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.participant_id, m.user_id from council_participant_member m
                        join council_participant p on p.id = m.participant_id
                        where p.council_id = ? order by m.added_at, m.user_id""").param(c.id().value())
                .query(rs -> {
                    members.computeIfAbsent(uuid(rs, "participant_id"), k -> new ArrayList<>())
                            .add(new UserId(uuid(rs, "user_id")));
                });
        List<ParticipantView> participants = jdbc.sql("""
                        select * from council_participant where council_id = ? and left_at is null
                        order by joined_at, id""").param(c.id().value())
                .query((rs, n) -> new ParticipantView(new ParticipantId(uuid(rs, "id")),
                        new OrganizationId(uuid(rs, "organization_id")), ParticipantRole.valueOf(rs.getString("role")),
                        new UserId(uuid(rs, "representative_id")),
                        List.copyOf(members.getOrDefault(uuid(rs, "id"), List.of())), instant(rs, "joined_at")))
                .list();
        List<ConsentView> consents = jdbc.sql("""
                        select user_id, decision, at from council_consent where council_id = ? order by seq""")
                .param(c.id().value()).query((rs, n) -> new ConsentView(new UserId(uuid(rs, "user_id")),
                        rs.getString("decision"), instant(rs, "at"))).list();
        String draft = jdbc.sql("select coalesce(information_management_draft, '') from council_council where id = ?")
                .param(c.id().value()).query(String.class).optional().filter(d -> !d.isEmpty()).orElse(null);
        return new CouncilView(c.id(), c.name(), c.status(), c.competentMinistryId(), projects, consenters,
                participants, consents, c.pledgeVersion(), c.proposedAt(), c.establishedAt(), c.dissolvedAt(),
                draft);
    }

    private static CouncilSummary summary(CouncilRow c) {
        return new CouncilSummary(c.id(), c.name(), c.status(), c.competentMinistryId(), c.proposedAt());
    }

    // ------------------------------------------------------------------ helpers

    static String text(String field, String value, int max, List<FieldError> errors) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            errors.add(FieldError.coded(field, "required", "must not be blank"));
        } else if (v.length() > max) {
            errors.add(FieldError.coded(field, "too-long", "must be at most " + max + " characters", max));
        }
        return v;
    }

    /** The distinct elements, in order; nulls are kept for the validation to report. */
    static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(values));
    }

    static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", errors);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Field errors as one refusal. */
    static final class FailFields {
        private FailFields() {
        }

        static BansoException of(FieldError... errors) {
            return new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", List.of(errors));
        }
    }
}
