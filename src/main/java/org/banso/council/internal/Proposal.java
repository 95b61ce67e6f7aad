package org.banso.council.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.Designation;
import org.banso.council.InformationTerms;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.ProposalStatus;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.banso.shared.ProblemCode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A proposal of one of the four matters (R8), decided by consensus (R14): adopted only when every current participant
 * has consented to its current revision; one objection blocks; an amendment is a new revision that asks everyone
 * again. Silence is never consent: past its response deadline an open proposal has lapsed. Every answer is kept as an
 * {@link Answer} of its own, an append-only record that the verbs deciding on answers are given, as a council's
 * establishment is given its consents. Its designation, if any, takes effect in the transaction that adopts it (the
 * caller applies it before saving).
 */
@Table("council_proposal")
class Proposal extends Aggregate<Proposal, ProposalId> {

    @Id
    private final ProposalId id;
    private final CouncilId councilId;
    private final Matter matter;
    /** OPEN, ADOPTED or WITHDRAWN; LAPSED is derived from the deadline, never stored. */
    private ProposalStatus status;
    private int revision;
    private final UserId proposedBy;
    private final Instant proposedAt;
    /** The current revision's deadline for answers (R14); null = none. */
    private Instant responseDeadline;
    private Instant closedAt;
    private UserId closedBy;
    @MappedCollection(idColumn = "proposal_id")
    private final Set<Revision> revisions;

    @PersistenceCreator
    Proposal(ProposalId id, CouncilId councilId, Matter matter, ProposalStatus status, int revision,
             UserId proposedBy, Instant proposedAt, Instant responseDeadline, Instant closedAt, UserId closedBy,
             Set<Revision> revisions) {
        this.id = id;
        this.councilId = councilId;
        this.matter = matter;
        this.status = status;
        this.revision = revision;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.responseDeadline = responseDeadline;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.revisions = new LinkedHashSet<>(revisions);
    }

    /**
     * What was proposed in one revision; revisions are never changed.
     *
     * @param responseDeadline by when this revision asked for every participant's answer (null = no deadline)
     */
    @Table("council_proposal_revision")
    record Revision(int revision, String title, String body, Designation designation, UUID liftsDesignationId,
                    Integer reviewWindowDays, Instant responseDeadline, UserId createdBy, Instant createdAt) {

        InformationTerms terms() {
            return new InformationTerms(designation, liftsDesignationId, reviewWindowDays);
        }
    }

    /**
     * Made by {@link Council#submitProposal}, which checks that the council is established. {@code designations}
     * is the information module's check of the terms' content (R15, R16), asked only once everything else holds.
     */
    static Proposal submit(ProposalId id, CouncilId council, Matter matter, String title, String body,
                           InformationTerms terms, Instant responseDeadline, Consumer<InformationTerms> designations,
                           UserId by, Instant now) {
        InformationTerms t = terms == null ? InformationTerms.NONE : terms;
        FieldChecks checks = new FieldChecks();
        if (matter == null) {
            checks.add(FieldError.coded("matter", "one-of", "must be one of INFORMATION_COLLECTION, PROMOTION, "
                    + "CONTENT_AND_RESULTS, INFORMATION_MANAGEMENT (R8)"));
        }
        checks.text("title", title, 300).text("body", body, 50000);
        checkDeadline(checks, responseDeadline, now);
        checks.failIfAny();
        checkTerms(matter, t, designations);
        Proposal proposal = new Proposal(id, council, matter, ProposalStatus.OPEN, 1, by, now, responseDeadline,
                null, null, Set.of(new Revision(1, title.strip(), body.strip(), t.designation(),
                        t.liftsDesignationId(), t.reviewWindowDays(), responseDeadline, by, now)));
        proposal.registerEvent(new CouncilEvents.ProposalSubmitted(council, id, matter, t.designation() != null,
                responseDeadline, by, now));
        return proposal.markNew();
    }

    /** R14: a deadline for answers lies in the future (silence is never consent: at the deadline the proposal lapses). */
    private static void checkDeadline(FieldChecks checks, Instant responseDeadline, Instant now) {
        if (responseDeadline != null && !responseDeadline.isAfter(now)) {
            checks.add(FieldError.coded("responseDeadline", "deadline-past", "must be in the future"));
        }
    }

    /**
     * R14–R16: only proposals of matters (3) and (4) carry a designation or end one, and only (4) sets the review
     * window; the terms are checked when proposed, not at adoption.
     */
    private static void checkTerms(Matter matter, InformationTerms terms, Consumer<InformationTerms> designations) {
        if (terms.isEmpty()) {
            return;
        }
        FieldChecks checks = new FieldChecks();
        if (terms.designation() != null && !matter.mayCarryDesignation()) {
            checks.add(FieldError.coded("designation", "designation-matter",
                    "only proposals of matters CONTENT_AND_RESULTS or INFORMATION_MANAGEMENT carry a designation"));
        }
        if (terms.liftsDesignationId() != null && !matter.mayCarryDesignation()) {
            checks.add(FieldError.coded("liftsDesignationId", "designation-matter",
                    "only proposals of matters CONTENT_AND_RESULTS or INFORMATION_MANAGEMENT end a designation"));
        }
        if (terms.reviewWindowDays() != null && matter != Matter.INFORMATION_MANAGEMENT) {
            checks.add(FieldError.coded("reviewWindowDays", "review-window-matter",
                    "only proposals of matter INFORMATION_MANAGEMENT set the review window"));
        }
        checks.failIfAny();
        designations.accept(terms);
    }

    // ------------------------------------------------------------------ deciding (R14)

    /**
     * R14: the representative of a current participant answers the current revision, once. An objection gives its
     * reason. The last consent adopts the proposal at once ({@link #isAdopted()} tells the caller).
     *
     * @param given   every answer given to this proposal so far
     * @param current the council's current participants
     * @return the answer, to be recorded
     */
    Answer answer(List<Answer> given, CouncilMembership participant, ProposalResponse response, String reason,
                  Set<ParticipantId> current, boolean councilDissolved, UserId by, Instant now) {
        if (!participant.representative()) {
            throw new BansoException(ProblemCode.FORBIDDEN, "A participant answers through its representative (R14).");
        }
        if (response == null) {
            throw BansoException.invalid("response", "must be CONSENT or OBJECT");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (response == ProposalResponse.OBJECT && why == null) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded("reason", "required", "an objection gives its reason")));
        }
        if (why != null && why.length() > 5000) {
            throw BansoException.invalid("reason", "must be at most 5000 characters");
        }
        requireOpen(councilDissolved, now);
        if (answerOf(given, participant.participant()).isPresent()) {
            throw new BansoException(ProblemCode.ALREADY_RESPONDED,
                    "Your participant already answered this revision (R14).");
        }
        Answer answer = Answer.give(councilId, id, revision, participant.participant(), response, why, by, now);
        if (response == ProposalResponse.CONSENT) {
            List<Answer> all = new ArrayList<>(given);
            all.add(answer);
            adoptIfEveryoneConsented(all, current, by, now);
        }
        return answer;
    }

    /**
     * R14: after a participant left, the remaining ones may all have consented already.
     *
     * @return true when the proposal is adopted now
     */
    boolean reconsider(List<Answer> given, Set<ParticipantId> current, UserId by, Instant now) {
        return isOpen(now) && adoptIfEveryoneConsented(given, current, by, now);
    }

    private boolean adoptIfEveryoneConsented(List<Answer> given, Set<ParticipantId> current, UserId by,
                                             Instant now) {
        boolean everyone = !current.isEmpty() && current.stream().allMatch(p -> answerOf(given, p)
                .map(a -> a.response() == ProposalResponse.CONSENT).orElse(false));
        if (!everyone) {
            return false;
        }
        status = ProposalStatus.ADOPTED;
        closedAt = now;
        closedBy = by;
        registerEvent(new CouncilEvents.ProposalAdopted(councilId, id, revision, terms().designates(), by, now));
        return true;
    }

    /**
     * R14: a new revision by the proposer or the competent ministry; every participant is asked again. A new
     * {@code responseDeadline} replaces the current one; null keeps it.
     */
    void amend(CouncilMembership actor, String title, String body, InformationTerms terms, Instant responseDeadline,
               Consumer<InformationTerms> designations, boolean councilDissolved, UserId by, Instant now) {
        requireProposerOrCompetent(actor, by);
        requireOpen(councilDissolved, now);
        InformationTerms t = terms == null ? InformationTerms.NONE : terms;
        FieldChecks checks = new FieldChecks().text("title", title, 300).text("body", body, 50000);
        checkDeadline(checks, responseDeadline, now);
        checks.failIfAny();
        checkTerms(matter, t, designations);
        revision++;
        if (responseDeadline != null) {
            this.responseDeadline = responseDeadline;
        }
        revisions.add(new Revision(revision, title.strip(), body.strip(), t.designation(), t.liftsDesignationId(),
                t.reviewWindowDays(), this.responseDeadline, by, now));
        registerEvent(new CouncilEvents.ProposalAmended(councilId, id, revision, this.responseDeadline, by, now));
    }

    /**
     * A pledged member of a current participant asks a question or answers one under the open proposal; short texts
     * only (a thread, not a second body).
     */
    DiscussionPost discuss(CouncilMembership member, String text, boolean councilDissolved, UserId by, Instant now) {
        new FieldChecks().text("text", text, 2000).failIfAny();
        requireOpen(councilDissolved, now);
        return DiscussionPost.post(councilId, id, member.participant(), text.strip(), by, now);
    }

    /** The proposer or the competent ministry withdraws an open proposal, lapsed or not. */
    void withdraw(CouncilMembership actor, UserId by, Instant now) {
        requireMayWithdraw(actor, by);
        status = ProposalStatus.WITHDRAWN;
        closedAt = now;
        closedBy = by;
        registerEvent(new CouncilEvents.ProposalWithdrawn(councilId, id, by, now));
    }

    /** Refuses as {@link #withdraw} would, changing nothing: its confirmation page asks this before it is shown. */
    void requireMayWithdraw(CouncilMembership actor, UserId by) {
        requireProposerOrCompetent(actor, by);
        if (status != ProposalStatus.OPEN) {
            throw closed();
        }
    }

    private void requireProposerOrCompetent(CouncilMembership actor, UserId by) {
        if (!proposedBy.equals(by) && actor.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN,
                    "Only the proposer or the competent ministry may amend or withdraw a proposal.");
        }
    }

    private void requireOpen(boolean councilDissolved, Instant now) {
        if (!isOpen(now) || councilDissolved) {
            throw closed();
        }
    }

    private static BansoException closed() {
        return new BansoException(ProblemCode.PROPOSAL_CLOSED, "The proposal is no longer open.");
    }

    // ------------------------------------------------------------------ state

    /** Open and within its response deadline. */
    boolean isOpen(Instant now) {
        return status(now) == ProposalStatus.OPEN;
    }

    ProposalStatus status(Instant now) {
        return status(status, responseDeadline, now);
    }

    /** R14: silence is never consent; an open proposal whose deadline has come has lapsed. */
    static ProposalStatus status(ProposalStatus stored, Instant responseDeadline, Instant now) {
        boolean lapsed = stored == ProposalStatus.OPEN && responseDeadline != null && !now.isBefore(responseDeadline);
        return lapsed ? ProposalStatus.LAPSED : stored;
    }

    boolean isAdopted() {
        return status == ProposalStatus.ADOPTED;
    }

    /** The participant's answer to the current revision, among the answers given. */
    Optional<Answer> answerOf(List<Answer> given, ParticipantId participant) {
        return given.stream().filter(a -> a.proposalId().equals(id) && a.revision() == revision
                && a.participantId().equals(participant)).findFirst();
    }

    /** Of the current participants (in their order), those who have not answered the current revision. */
    List<ParticipantId> awaiting(List<Answer> given, List<ParticipantId> current) {
        return status == ProposalStatus.OPEN ? current.stream().filter(p -> answerOf(given, p).isEmpty()).toList()
                : List.of();
    }

    Revision current() {
        return revisions.stream().filter(r -> r.revision() == revision).findFirst().orElseThrow();
    }

    Designation designation() {
        return current().designation();
    }

    /** What the current revision decides about information (R15, R16). */
    InformationTerms terms() {
        return current().terms();
    }

    List<Revision> revisions() {
        return revisions.stream().sorted(Comparator.comparingInt(Revision::revision)).toList();
    }

    @Override
    public ProposalId getId() {
        return id;
    }

    ProposalId id() {
        return id;
    }

    CouncilId councilId() {
        return councilId;
    }

    Matter matter() {
        return matter;
    }

    int revision() {
        return revision;
    }

    UserId proposedBy() {
        return proposedBy;
    }

    Instant proposedAt() {
        return proposedAt;
    }

    Instant responseDeadline() {
        return responseDeadline;
    }

    Instant closedAt() {
        return closedAt;
    }
}
