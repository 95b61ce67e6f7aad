package org.banso.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.CouncilViews.ConsentView;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.DiscussionView;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.CouncilViews.ResponseView;
import org.banso.council.CouncilViews.RevisionView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.council.CouncilViews.TaskView;
import org.banso.council.ParticipantId;
import org.springframework.stereotype.Component;

/** The aggregates as the API and the pages show them (CouncilViews). */
@Component
class CouncilReadModels {

    /** Due dates are calendar days in Japan. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final ParticipantRepository participants;
    private final ConsentRepository consents;
    private final AnswerRepository answers;
    private final DiscussionPostRepository posts;
    private final Clock clock;

    CouncilReadModels(ParticipantRepository participants, ConsentRepository consents, AnswerRepository answers,
                      DiscussionPostRepository posts, Clock clock) {
        this.participants = participants;
        this.consents = consents;
        this.answers = answers;
        this.posts = posts;
        this.clock = clock;
    }

    CouncilView council(Council c) {
        List<ParticipantView> current = currentParticipants(c).stream().map(CouncilReadModels::participant).toList();
        List<ConsentView> answers = consents.findByCouncilIdOrderBySeq(c.id()).stream()
                .map(consent -> new ConsentView(consent.userId(), consent.decision(), consent.at())).toList();
        return new CouncilView(c.id(), c.name(), c.status(), c.competentMinistryId(), c.projectIds(),
                c.requiredConsenterIds(), current, answers, c.pledgeVersion(), c.proposedAt(), c.establishedAt(),
                c.dissolvedAt(), c.informationManagementDraft());
    }

    List<Participant> currentParticipants(Council council) {
        return participants.findByCouncilIdAndLeftAtIsNullOrderByJoinedAtAscIdAsc(council.id());
    }

    private static ParticipantView participant(Participant p) {
        return new ParticipantView(p.id(), p.organizationId(), p.role(), p.representativeId(), p.memberIds(),
                p.joinedAt());
    }

    ProposalView proposal(Proposal p) {
        return proposal(p, answers.findByProposalIdOrderBySeq(p.id()));
    }

    /** @param given every answer given to the proposal, in the order given */
    ProposalView proposal(Proposal p, List<Answer> given) {
        Instant now = clock.instant();
        List<ParticipantId> current = participants.currentParticipantIds(p.councilId());
        List<RevisionView> revisions = p.revisions().stream().map(r -> new RevisionView(r.revision(), r.title(),
                r.body(), r.designation(), r.liftsDesignationId(), r.reviewWindowDays(), r.responseDeadline(),
                r.createdBy(), r.createdAt())).toList();
        List<ResponseView> responses = given.stream().map(a -> new ResponseView(a.revision(),
                a.participantId(), a.response(), a.reason(), a.respondedBy(), a.at())).toList();
        List<DiscussionView> discussion = posts.findByProposalIdOrderBySeq(p.id()).stream()
                .map(d -> new DiscussionView(d.participantId(), d.authorId(), d.text(), d.at())).toList();
        Proposal.Revision latest = p.current();
        return new ProposalView(p.id(), p.councilId(), p.matter(), p.status(now), p.revision(), latest.title(),
                latest.body(), latest.designation(), latest.liftsDesignationId(), latest.reviewWindowDays(),
                p.proposedBy(), p.proposedAt(), p.responseDeadline(), p.closedAt(), revisions, responses,
                p.awaiting(given, current), discussion);
    }

    ProposalSummary proposal(ProposalRepository.Listing p) {
        return new ProposalSummary(p.id(), p.councilId(), p.matter(), p.title(),
                Proposal.status(p.status(), p.responseDeadline(), clock.instant()), p.revision(), p.proposedAt(),
                p.responseDeadline());
    }

    InvitationView invitation(Invitation i) {
        return new InvitationView(i.id(), i.role(), i.createdBy(), i.createdAt(), i.expiresAt(), i.acceptedBy(),
                i.acceptedAt(), i.revokedAt(), i.state(clock.instant()), i.invitee());
    }

    static SignatureView signature(Signature s) {
        return new SignatureView(s.userId(), s.version(), s.language(), s.textSha256Hex(), s.signedAt(), s.endedAt(),
                s.endedReason(), s.dutyContinues());
    }

    static MeetingView meeting(Meeting m) {
        return new MeetingView(m.id(), m.councilId(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.link(),
                m.agenda().stream().map(a -> new AgendaItem(a.matter(), a.title(), a.proposalId())).toList(),
                m.attendees(), m.minutesItemId(), m.sequence(), m.cancelledAt());
    }

    TaskView task(Task t) {
        return new TaskView(t.id(), t.councilId(), t.kind(), t.proposalId(), t.assigneeParticipantId(),
                t.responsibleMinistryId(), t.title(), t.description(), t.dueDate(), t.status(),
                t.isOverdue(today()), t.createdAt(), t.doneAt());
    }

    MaterialRequestView materialRequest(MaterialRequest r) {
        return new MaterialRequestView(r.id(), r.councilId(), r.addresseeParticipantId(), r.title(),
                r.description(), r.dueDate(), r.status(), r.isOverdue(today()), r.itemIds(), r.declineReason(),
                r.requestedAt(), r.answeredAt());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JAPAN);
    }
}
