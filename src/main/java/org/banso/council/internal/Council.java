package org.banso.council.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilStatus;
import org.banso.council.InformationTerms;
import org.banso.council.InvitationId;
import org.banso.council.Invitations;
import org.banso.council.Matter;
import org.banso.council.MeetingId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A council (協議会): proposed by the competent ministry, established only with the consent of every required
 * researcher (R5), dissolved unless another module vetoes it (R7). It is where proposals, invitations, meetings and
 * the pledge begin: the verbs that create those check that the council is in a state to accept them.
 */
@Table("council_council")
class Council extends Aggregate<Council, CouncilId> {

    @Id
    private final CouncilId id;
    private final String name;
    private final OrganizationId competentMinistryId;
    private CouncilStatus status;
    private final UserId proposedBy;
    private final Instant proposedAt;
    private Instant establishedAt;
    private Instant dissolvedAt;
    private final String informationManagementDraft;
    /** Owned by the {@link Pledge}, which shares this row: read here for the views, never written. */
    @ReadOnlyProperty
    private final int pledgeVersion;
    @MappedCollection(idColumn = "council_id")
    private final Set<LinkedProject> projects;
    @MappedCollection(idColumn = "council_id")
    private final Set<RequiredConsenter> requiredConsenters;

    @PersistenceCreator
    Council(CouncilId id, String name, OrganizationId competentMinistryId, CouncilStatus status, UserId proposedBy,
            Instant proposedAt, Instant establishedAt, Instant dissolvedAt, String informationManagementDraft,
            int pledgeVersion, Set<LinkedProject> projects, Set<RequiredConsenter> requiredConsenters) {
        this.id = id;
        this.name = name;
        this.competentMinistryId = competentMinistryId;
        this.status = status;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.establishedAt = establishedAt;
        this.dissolvedAt = dissolvedAt;
        this.informationManagementDraft = informationManagementDraft;
        this.pledgeVersion = pledgeVersion;
        this.projects = new LinkedHashSet<>(projects);
        this.requiredConsenters = new LinkedHashSet<>(requiredConsenters);
    }

    /** A project of the funding module the council serves (R7); a project has one council. */
    @Table("council_project")
    record LinkedProject(UUID projectId) {
    }

    /** A researcher whose consent the establishment needs (R5). */
    @Table("council_required_consenter")
    record RequiredConsenter(UserId userId) {
    }

    /**
     * R5: a council proposed on behalf of the competent ministry, awaiting the consent of every required researcher.
     * The caller has checked the request's fields and who may propose.
     */
    static Council propose(String name, OrganizationId competentMinistry, List<UUID> projects,
                           List<UserId> requiredConsenters, String informationManagementDraft, UserId by,
                           Instant now) {
        if (requiredConsenters.isEmpty()) {
            throw new IllegalArgumentException("R5: a council needs at least one required consenter");
        }
        Council council = new Council(CouncilId.random(), name, competentMinistry, CouncilStatus.PROPOSED, by, now,
                null, null, informationManagementDraft, 1,
                Set.copyOf(projects.stream().map(LinkedProject::new).toList()),
                Set.copyOf(requiredConsenters.stream().map(RequiredConsenter::new).toList()));
        council.registerEvent(new CouncilEvents.CouncilProposed(council.id, competentMinistry, by, now));
        return council.markNew();
    }

    // ------------------------------------------------------------------ establishment (R5, R7)

    /** R5: a required researcher consents or declines, for themself; each answer is kept, the latest counts. */
    Consent recordConsent(UserId person, ConsentDecision decision, Instant now) {
        if (!requires(person)) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only a required consenter records consent, and only their own (R5).");
        }
        if (status != CouncilStatus.PROPOSED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is no longer awaiting consent.");
        }
        return Consent.record(id, person, decision, now);
    }

    /** R5: established only when every required researcher's latest answer is a consent; one decline blocks. */
    void establish(List<Consent> consents, UserId by, Instant now) {
        if (status != CouncilStatus.PROPOSED) {
            throw new BansoException(ProblemCode.CONFLICT, "Only a proposed council can be established.");
        }
        Map<UserId, ConsentDecision> latest = new LinkedHashMap<>();
        consents.stream().filter(c -> c.councilId().equals(id)).sorted(Comparator.comparing(Consent::order))
                .forEach(c -> latest.put(c.userId(), c.decision()));
        if (requiredConsenterIds().stream().anyMatch(u -> latest.get(u) == ConsentDecision.DECLINE)) {
            throw new BansoException(ProblemCode.CONSENT_DECLINED,
                    "A required researcher declined: the council cannot be established (R5).");
        }
        long missing = requiredConsenterIds().stream().filter(u -> latest.get(u) != ConsentDecision.CONSENT).count();
        if (missing > 0) {
            throw new BansoException(ProblemCode.CONSENT_MISSING,
                    missing + " required consent(s) are missing: the council cannot be established yet (R5).");
        }
        status = CouncilStatus.ESTABLISHED;
        establishedAt = now;
        registerEvent(new CouncilEvents.CouncilEstablished(id, by, now));
    }

    /** R7: refused while another module vetoes it, e.g. while the K Program project it serves is active. */
    void dissolve(Predicate<CouncilId> vetoed, UserId by, Instant now) {
        if (status == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is already dissolved.");
        }
        if (vetoed.test(id)) {
            throw new BansoException(ProblemCode.COUNCIL_HAS_ACTIVE_PROJECT,
                    "The council serves an active K Program project and cannot be dissolved (R7).");
        }
        status = CouncilStatus.DISSOLVED;
        dissolvedAt = now;
        registerEvent(new CouncilEvents.CouncilDissolved(id, by, now));
    }

    // ------------------------------------------------------------------ what begins in a council

    /**
     * R6: an organization takes part with its role; the competent ministry takes part from the start and is admitted
     * by {@link #propose}'s caller in the same transaction. The caller has checked the organization, its kind and its
     * people.
     */
    Participant admit(OrganizationId organization, ParticipantRole role, UserId representative,
                      Set<UserId> members, UserId by, Instant now) {
        requireNotDissolved();
        return Participant.join(id, organization, role, representative, members, by, now);
    }

    /** R13: an invitation for the role an invitee's organization will take; never the competent ministry's. */
    Invitation invite(ParticipantRole role, Invitations.Invitee invitee, byte[] tokenHash, Duration lifetime,
                      UserId by, Instant now) {
        requireNotDissolved();
        if (role == null || role == ParticipantRole.COMPETENT_MINISTRY) {
            throw BansoException.invalid("role", "must be the role the invitee's organization takes, e.g. RESEARCHER");
        }
        return Invitation.issue(InvitationId.random(), id, role, invitee, tokenHash, now, now.plus(lifetime), by);
    }

    /** R8, R14: proposals are made in an established council; matters (3) and (4) may carry a designation. */
    Proposal submitProposal(Matter matter, String title, String body, InformationTerms terms,
                            Instant responseDeadline, Consumer<InformationTerms> designations, UserId by,
                            Instant now) {
        requireEstablished();
        return Proposal.submit(ProposalId.random(), id, matter, title, body, terms, responseDeadline,
                designations, by, now);
    }

    /** R8: meetings of an established council, with agendas of the four matters. */
    Meeting scheduleMeeting(String title, Instant startsAt, Instant endsAt, String place, String link,
                            List<Meeting.AgendaEntry> agenda, UserId by, Instant now) {
        requireEstablished();
        return Meeting.schedule(MeetingId.random(), id, title, startsAt, endsAt, place, link, agenda, by, now);
    }

    void requireEstablished() {
        if (status != CouncilStatus.ESTABLISHED) {
            throw new BansoException(ProblemCode.COUNCIL_NOT_ESTABLISHED, "The council is not established.");
        }
    }

    void requireNotDissolved() {
        if (status == CouncilStatus.DISSOLVED) {
            throw new BansoException(ProblemCode.CONFLICT, "The council is dissolved.");
        }
    }

    boolean requires(UserId person) {
        return requiredConsenters.contains(new RequiredConsenter(person));
    }

    // ------------------------------------------------------------------ state

    @Override
    public CouncilId getId() {
        return id;
    }

    CouncilId id() {
        return id;
    }

    String name() {
        return name;
    }

    OrganizationId competentMinistryId() {
        return competentMinistryId;
    }

    CouncilStatus status() {
        return status;
    }

    boolean isDissolved() {
        return status == CouncilStatus.DISSOLVED;
    }

    UserId proposedBy() {
        return proposedBy;
    }

    Instant proposedAt() {
        return proposedAt;
    }

    Instant establishedAt() {
        return establishedAt;
    }

    Instant dissolvedAt() {
        return dissolvedAt;
    }

    String informationManagementDraft() {
        return informationManagementDraft;
    }

    int pledgeVersion() {
        return pledgeVersion;
    }

    List<UUID> projectIds() {
        return projects.stream().map(LinkedProject::projectId).sorted().toList();
    }

    List<UserId> requiredConsenterIds() {
        return requiredConsenters.stream().map(RequiredConsenter::userId).toList();
    }
}
