package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.establishedCouncil;
import static org.banso.council.internal.AggregateFixtures.memberOf;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.refused;
import static org.banso.council.internal.AggregateFixtures.representativeOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilMembership;
import org.banso.council.Designation;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalResponse;
import org.banso.council.ProposalStatus;
import org.banso.identity.UserId;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** A proposal's verbs guard R14 by themselves: consensus of every current participant, revision by revision. */
class ProposalTest {

    final Council council = establishedCouncil();
    final UserId proposer = person();
    final ParticipantId ministry = ParticipantId.random();
    final ParticipantId startup = ParticipantId.random();
    final ParticipantId company = ParticipantId.random();
    final Set<ParticipantId> everyone = Set.of(ministry, startup, company);
    /** The proposal's append-only record of answers, as the repository would give it. */
    final List<Answer> given = new ArrayList<>();

    Proposal proposal() {
        return council.submitProposal(Matter.CONTENT_AND_RESULTS, "成果の取扱い", "原則公開", null, null, d -> { },
                proposer, NOW);
    }

    CouncilMembership rep(ParticipantId participant) {
        return representativeOf(council.id(), participant, participant.equals(ministry)
                ? ParticipantRole.COMPETENT_MINISTRY : ParticipantRole.STARTUP);
    }

    /** Answers and records the answer; true when it adopted the proposal. */
    boolean answer(Proposal p, ParticipantId participant, ProposalResponse response) {
        boolean openBefore = p.isOpen(NOW);
        given.add(p.answer(given, rep(participant), response,
                response == ProposalResponse.OBJECT ? "範囲が広い" : null, everyone, false, person(), NOW));
        return openBefore && p.isAdopted();
    }

    @Test
    void r14_oneObjectionBlocksAdoptionAndEveryAnswerIsKept() {
        // R14
        Proposal p = proposal();
        assertThat(answer(p, ministry, ProposalResponse.CONSENT)).isFalse();
        assertThat(answer(p, startup, ProposalResponse.OBJECT)).isFalse();
        assertThat(answer(p, company, ProposalResponse.CONSENT)).as("an objection blocks").isFalse();
        assertThat(p.status(NOW)).isEqualTo(ProposalStatus.OPEN);
        assertThat(given).hasSize(3);
        refused(ProblemCode.ALREADY_RESPONDED, () -> answer(p, startup, ProposalResponse.CONSENT));
    }

    @Test
    void r14_theLastConsentAdoptsOnceAndAClosedProposalTakesNoAnswers() {
        // R14
        Proposal p = proposal();
        answer(p, ministry, ProposalResponse.CONSENT);
        answer(p, startup, ProposalResponse.CONSENT);
        assertThat(p.awaiting(given, List.of(ministry, startup, company))).containsExactly(company);
        assertThat(answer(p, company, ProposalResponse.CONSENT)).as("the last consent adopts").isTrue();
        assertThat(p.status(NOW)).isEqualTo(ProposalStatus.ADOPTED);
        assertThat(p.registeredEvents()).filteredOn(CouncilEvents.ProposalAdopted.class::isInstance).hasSize(1);
        refused(ProblemCode.PROPOSAL_CLOSED, () -> answer(p, company, ProposalResponse.CONSENT));
        refused(ProblemCode.PROPOSAL_CLOSED, () -> p.amend(rep(ministry), "題", "本文", null, null, d -> { }, false,
                proposer, NOW));
        assertThat(p.registeredEvents()).filteredOn(CouncilEvents.ProposalAdopted.class::isInstance).hasSize(1);
    }

    @Test
    void r14_anAmendedProposalAsksEveryoneAgain() {
        // R14
        Proposal p = proposal();
        answer(p, ministry, ProposalResponse.CONSENT);
        answer(p, startup, ProposalResponse.OBJECT);
        p.amend(rep(ministry), "成果の取扱い（修正）", "範囲を限定", null, null, d -> { }, false, proposer, NOW);
        assertThat(p.revision()).isEqualTo(2);
        assertThat(p.awaiting(given, List.of(ministry, startup, company))).containsExactly(ministry, startup,
                company);
        answer(p, ministry, ProposalResponse.CONSENT);
        answer(p, startup, ProposalResponse.CONSENT);
        assertThat(answer(p, company, ProposalResponse.CONSENT)).isTrue();
        assertThat(p.revisions()).hasSize(2);
        assertThat(given).as("answers to both revisions are kept").hasSize(5);
    }

    @Test
    void r14_onlyARepresentativeAnswersAndAnObjectionGivesItsReason() {
        // R14
        Proposal p = proposal();
        refused(ProblemCode.FORBIDDEN, () -> p.answer(given, memberOf(council.id(), startup,
                ParticipantRole.STARTUP), ProposalResponse.CONSENT, null, everyone, false, person(), NOW));
        refused(ProblemCode.VALIDATION_FAILED, () -> p.answer(given, rep(startup), ProposalResponse.OBJECT, " ",
                everyone, false, person(), NOW));
        refused(ProblemCode.VALIDATION_FAILED, () -> p.answer(given, rep(startup), null, null, everyone, false,
                person(), NOW));
        assertThat(p.registeredEvents()).as("refusals record nothing")
                .noneMatch(CouncilEvents.ProposalAnswered.class::isInstance);
    }

    @Test
    void r14_silenceIsNeverConsentAndALapsedOrDissolvedProposalIsClosed() {
        // R14
        Proposal p = council.submitProposal(Matter.PROMOTION, "期限付き", "本文", null, NOW.plus(Duration.ofDays(2)),
                d -> { }, proposer, NOW);
        answer(p, ministry, ProposalResponse.CONSENT);
        assertThat(p.status(NOW.plus(Duration.ofDays(3)))).isEqualTo(ProposalStatus.LAPSED);
        refused(ProblemCode.PROPOSAL_CLOSED, () -> p.answer(given, rep(startup), ProposalResponse.CONSENT, null,
                everyone, false, person(), NOW.plus(Duration.ofDays(3))));
        refused(ProblemCode.PROPOSAL_CLOSED, () -> p.answer(given, rep(startup), ProposalResponse.CONSENT, null,
                everyone, true, person(), NOW));
        refused(ProblemCode.VALIDATION_FAILED, () -> council.submitProposal(Matter.PROMOTION, "過去", "本文", null,
                NOW.minusSeconds(1), d -> { }, proposer, NOW));
    }

    @Test
    void r14_whenAParticipantLeavesTheRemainingConsentsAdopt() {
        // R14
        Proposal p = proposal();
        answer(p, ministry, ProposalResponse.CONSENT);
        answer(p, startup, ProposalResponse.CONSENT);
        assertThat(p.reconsider(given, everyone, person(), NOW)).isFalse();
        assertThat(p.reconsider(given, Set.of(ministry, startup), person(), NOW)).as("the company left").isTrue();
        assertThat(p.isAdopted()).isTrue();
    }

    @Test
    void r14_onlyTheProposerOrTheCompetentMinistryAmendsOrWithdraws() {
        // R14
        Proposal p = proposal();
        CouncilMembership stranger = rep(startup);
        refused(ProblemCode.FORBIDDEN, () -> p.amend(stranger, "題", "本文", null, null, d -> { }, false, person(), NOW));
        refused(ProblemCode.FORBIDDEN, () -> p.withdraw(stranger, person(), NOW));
        p.withdraw(rep(startup), proposer, NOW);
        assertThat(p.status(NOW)).isEqualTo(ProposalStatus.WITHDRAWN);
        refused(ProblemCode.PROPOSAL_CLOSED, () -> p.withdraw(rep(ministry), person(), NOW));
    }

    @Test
    void r15_onlyMattersThreeAndFourCarryADesignationCheckedWhenProposed() {
        // R14, R15
        Designation designation = new Designation(List.of(), null, List.of(), NOW, NOW.plusSeconds(60), "VIEW_ONLY",
                "PUBLIC", null);
        List<Designation> checked = new ArrayList<>();
        refused(ProblemCode.VALIDATION_FAILED, () -> council.submitProposal(Matter.PROMOTION, "題", "本文",
                designation, null, checked::add, proposer, NOW));
        assertThat(checked).as("not asked for a matter that cannot carry one").isEmpty();
        Proposal p = council.submitProposal(Matter.INFORMATION_MANAGEMENT, "題", "本文", designation, null,
                checked::add, proposer, NOW);
        assertThat(checked).containsExactly(designation);
        assertThat(p.designation()).isEqualTo(designation);
    }
}
