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
import org.banso.council.Designation;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of deciding by consensus (R8, R14): proposing, answering, amending, withdrawing. Answers lock the
 * proposal's row first, so that simultaneous last consents adopt it exactly once.
 */
@Service
class DecidingProposals implements Proposals {

    private final ProposalRepository proposals;
    private final ParticipantRepository participants;
    private final AnswerRepository answers;
    private final CouncilAccess access;
    private final CouncilReadModels views;
    private final Adoptions adoptions;
    private final Clock clock;

    DecidingProposals(ProposalRepository proposals, ParticipantRepository participants, AnswerRepository answers,
                      CouncilAccess access, CouncilReadModels views, Adoptions adoptions, Clock clock) {
        this.proposals = proposals;
        this.participants = participants;
        this.answers = answers;
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
        Proposal proposal = council.submitProposal(request.matter(), request.title(), request.body(),
                request.designation(), request.responseDeadline(), d -> adoptions.check(id, d), actor.id(),
                clock.instant());
        return views.proposal(proposals.save(proposal));
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
    public ProposalView amend(ProposalId id, String title, String body, Designation designation,
                              Instant responseDeadline, BansoUser actor) {
        Proposal proposal = proposals.findLockedById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.pledged(council, actor);
        proposal.amend(me, title, body, designation, responseDeadline, d -> adoptions.check(council.id(), d),
                council.isDissolved(), actor.id(), clock.instant());
        return views.proposal(proposals.save(proposal));
    }

    @Override
    @Transactional
    public ProposalView withdraw(ProposalId id, BansoUser actor) {
        Proposal proposal = proposals.findLockedById(id).orElseThrow(DecidingProposals::unknown);
        Council council = councilOf(proposal, actor);
        CouncilMembership me = access.participant(council, actor);
        proposal.withdraw(me, actor.id(), clock.instant());
        return views.proposal(proposals.save(proposal));
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
