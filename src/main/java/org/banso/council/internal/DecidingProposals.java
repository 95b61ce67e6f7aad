package org.banso.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of deciding by consensus (R8, R14): proposing, answering, amending, withdrawing, discussing. Answers
 * lock the proposal's row first, so that simultaneous last consents adopt it exactly once. What a proposal decides
 * about information goes through {@link Adoptions} (R15, R16).
 */
@Service
class DecidingProposals implements Proposals {

    private final ProposalRepository proposals;
    private final ParticipantRepository participants;
    private final AnswerRepository answers;
    private final DiscussionPostRepository posts;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final Adoptions adoptions;
    private final Clock clock;

    DecidingProposals(ProposalRepository proposals, ParticipantRepository participants, AnswerRepository answers,
                      DiscussionPostRepository posts, CouncilAccess access, CouncilReadModels views,
                      Adoptions adoptions, Clock clock) {
        this.proposals = proposals;
        this.participants = participants;
        this.answers = answers;
        this.posts = posts;
        this.access = access;
        this.views = views;
        this.adoptions = adoptions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ProposalView propose(CouncilId id, NewProposal request, BansoUser actor) {
        Council council = access.visible(id, actor);
        access.pledged(council, actor);
        council.requireEstablished();
        if (request == null) {
            throw BansoException.invalid("matter", "must be one of the four matters (R8)");
        }
        Instant now = clock.instant();
        Proposal proposal = council.submitProposal(request.matter(), request.title(), request.body(),
                request.terms(), request.responseDeadline(), terms -> adoptions.check(id, terms), actor.id(), now);
        Proposal saved = proposals.save(proposal);
        adoptions.deliberating(saved, now);
        return views.proposal(saved);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProposalSummary> proposals(CouncilId id, BansoUser viewer) {
        access.pledged(access.visible(id, viewer), viewer);
        return proposals.listingsOf(id).stream().map(views::proposal).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ProposalView proposal(ProposalId id, BansoUser viewer) {
        Proposal proposal = proposals.findById(id).orElseThrow(DecidingProposals::unknown);
        access.pledged(councilOf(proposal, viewer), viewer);
        return views.proposal(proposal);
    }

    /**
     * R14: one answer per participant per revision, by its representative. The proposal's row is locked before it and
     * its answers are read, so answers to one proposal queue and the last consent adopts it exactly once. An answer
     * adds one row; the proposal itself is saved only when the answer adopted it.
     */
    @Override
    @Transactional
    public ProposalView respond(ProposalId id, ProposalResponse response, String reason, BansoUser actor) {
        Proposal proposal = proposals.findLockedById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.pledged(council, actor);
        Set<ParticipantId> current = Set.copyOf(participants.currentParticipantIds(council.id()));
        List<Answer> given = answers.findByProposalIdOrderBySeq(id);
        Answer answer = answers.save(proposal.answer(given, me, response, reason, current, council.isDissolved(),
                actor.id(), clock.instant()));
        if (proposal.isAdopted()) {
            adoptions.save(proposal, true, actor.id());
        }
        List<Answer> all = new ArrayList<>(given);
        all.add(answer);
        return views.proposal(proposal, all);
    }

    @Override
    @Transactional
    public ProposalView amend(ProposalId id, Amendment amendment, BansoUser actor) {
        Proposal proposal = proposals.findLockedById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.pledged(council, actor);
        if (amendment == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        Instant now = clock.instant();
        proposal.amend(me, amendment.title(), amendment.body(), amendment.terms(), amendment.responseDeadline(),
                terms -> adoptions.check(council.id(), terms), council.isDissolved(), actor.id(), now);
        Proposal saved = proposals.save(proposal);
        adoptions.deliberating(saved, now);
        return views.proposal(saved);
    }

    @Override
    @Transactional
    public ProposalView withdraw(ProposalId id, BansoUser actor) {
        Proposal proposal = proposals.findLockedById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.participant(council, actor);
        Instant now = clock.instant();
        proposal.withdraw(me, actor.id(), now);
        Proposal saved = proposals.save(proposal);
        adoptions.closed(saved, now);
        return views.proposal(saved);
    }

    @Override
    @Transactional(readOnly = true)
    public void checkWithdraw(ProposalId id, BansoUser actor) {
        Proposal proposal = proposals.findById(id).orElseThrow(DecidingProposals::unknown);
        proposal.requireMayWithdraw(access.participant(councilOf(proposal, actor), actor), actor.id());
    }

    /** A question or answer under the proposal, by a pledged member of a current participant (R12). */
    @Override
    @Transactional
    public ProposalView ask(ProposalId id, String text, BansoUser actor) {
        Proposal proposal = proposals.findById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.pledged(council, actor);
        posts.save(proposal.discuss(me, text, council.isDissolved(), actor.id(), clock.instant()));
        return views.proposal(proposal);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProposalView> forIndex(ProposalId id) {
        return proposals.findById(id).map(views::proposal);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProposalId> idsOf(CouncilId council) {
        return proposals.idsOf(council).stream().map(ProposalId::new).toList();
    }

    /** The proposal's council, checked for the viewer: unknown proposals and invisible councils look alike. */
    private Council councilOf(Proposal proposal, BansoUser viewer) {
        return access.visible(proposal.councilId(), viewer, "The proposal");
    }

    private static BansoException unknown() {
        return BansoException.notFound("The proposal");
    }
}
