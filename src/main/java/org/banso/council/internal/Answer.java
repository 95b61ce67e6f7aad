package org.banso.council.internal;

import java.time.Instant;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A participant's answer to one revision of a proposal (R14), given by its representative, recorded once and never
 * changed: a proposal's answers are an append-only record (every response is recorded), so that answering adds one
 * row however many answers came before. {@link Proposal#answer} decides whether it may be given.
 */
@Table("council_proposal_response")
class Answer extends Aggregate<Answer, Long> {

    /** The order of recording, given by the database. */
    @Id
    private final Long seq;
    private final ProposalId proposalId;
    private final int revision;
    private final ParticipantId participantId;
    private final ProposalResponse response;
    private final String reason;
    private final UserId respondedBy;
    private final Instant at;

    @PersistenceCreator
    Answer(Long seq, ProposalId proposalId, int revision, ParticipantId participantId, ProposalResponse response,
           String reason, UserId respondedBy, Instant at) {
        this.seq = seq;
        this.proposalId = proposalId;
        this.revision = revision;
        this.participantId = participantId;
        this.response = response;
        this.reason = reason;
        this.respondedBy = respondedBy;
        this.at = at;
    }

    static Answer give(CouncilId council, ProposalId proposal, int revision, ParticipantId participant,
                       ProposalResponse response, String reason, UserId by, Instant now) {
        Answer answer = new Answer(null, proposal, revision, participant, response, reason, by, now);
        answer.registerEvent(new CouncilEvents.ProposalAnswered(council, proposal, revision, participant, response,
                by, now));
        return answer.markNew();
    }

    @Override
    public Long getId() {
        return seq;
    }

    /** Recording order: the database's sequence once stored; one not yet stored comes last. */
    long order() {
        return seq == null ? Long.MAX_VALUE : seq;
    }

    ProposalId proposalId() {
        return proposalId;
    }

    int revision() {
        return revision;
    }

    ParticipantId participantId() {
        return participantId;
    }

    ProposalResponse response() {
        return response;
    }

    String reason() {
        return reason;
    }

    UserId respondedBy() {
        return respondedBy;
    }

    Instant at() {
        return at;
    }
}
