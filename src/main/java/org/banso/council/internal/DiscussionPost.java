package org.banso.council.internal;

import java.time.Instant;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A question or an answer in a proposal's discussion (the short thread under a proposal), by a pledged member of a
 * current participant; recorded once and never changed, like the answers. {@link Proposal#discuss} decides whether it
 * may be posted; who may read it is the council's readers only (R12), as for the proposal itself.
 */
@Table("council_proposal_discussion")
class DiscussionPost extends Aggregate<DiscussionPost, Long> {

    /** The order of posting, given by the database. */
    @Id
    private final Long seq;
    private final ProposalId proposalId;
    private final CouncilId councilId;
    private final ParticipantId participantId;
    private final UserId authorId;
    private final String text;
    private final Instant at;

    @PersistenceCreator
    DiscussionPost(Long seq, ProposalId proposalId, CouncilId councilId, ParticipantId participantId,
                   UserId authorId, String text, Instant at) {
        this.seq = seq;
        this.proposalId = proposalId;
        this.councilId = councilId;
        this.participantId = participantId;
        this.authorId = authorId;
        this.text = text;
        this.at = at;
    }

    static DiscussionPost post(CouncilId council, ProposalId proposal, ParticipantId participant, String text,
                               UserId by, Instant now) {
        DiscussionPost post = new DiscussionPost(null, proposal, council, participant, by, text, now);
        post.registerEvent(new CouncilEvents.ProposalDiscussed(council, proposal, participant, by, now));
        return post.markNew();
    }

    @Override
    public Long getId() {
        return seq;
    }

    ProposalId proposalId() {
        return proposalId;
    }

    ParticipantId participantId() {
        return participantId;
    }

    UserId authorId() {
        return authorId;
    }

    String text() {
        return text;
    }

    Instant at() {
        return at;
    }
}
