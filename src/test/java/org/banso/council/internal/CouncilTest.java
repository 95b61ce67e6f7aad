package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.establishedCouncil;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.proposedCouncil;
import static org.banso.council.internal.AggregateFixtures.refused;

import java.time.Duration;
import java.util.List;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilEvents;
import org.banso.council.CouncilStatus;
import org.banso.council.Matter;
import org.banso.council.ParticipantRole;
import org.banso.identity.UserId;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** The council's verbs guard R5–R8 by themselves: no Spring, no database. */
class CouncilTest {

    @Test
    void r5_onlyARequiredResearcherRecordsConsentAndOnlyWhileTheCouncilIsProposed() {
        // R5
        UserId pi = person();
        Council council = proposedCouncil(pi);
        refused(ProblemCode.FORBIDDEN, () -> council.recordConsent(person(), ConsentDecision.CONSENT, NOW));
        Consent consent = council.recordConsent(pi, ConsentDecision.CONSENT, NOW);
        assertThat(consent.registeredEvents()).singleElement().isInstanceOf(CouncilEvents.ConsentRecorded.class);
        council.establish(List.of(consent), person(), NOW);
        refused(ProblemCode.CONFLICT, () -> council.recordConsent(pi, ConsentDecision.DECLINE, NOW));
    }

    @Test
    void r5_establishedOnlyWhenEveryRequiredResearchersLatestAnswerIsConsent() {
        // R5
        UserId pi = person();
        UserId coPi = person();
        Council council = proposedCouncil(pi, coPi);
        Consent piConsents = council.recordConsent(pi, ConsentDecision.CONSENT, NOW);
        refused(ProblemCode.CONSENT_MISSING, () -> council.establish(List.of(piConsents), person(), NOW));
        Consent coPiDeclines = council.recordConsent(coPi, ConsentDecision.DECLINE, NOW);
        refused(ProblemCode.CONSENT_DECLINED, () -> council.establish(List.of(piConsents, coPiDeclines), person(),
                NOW));
        assertThat(council.status()).isEqualTo(CouncilStatus.PROPOSED);
        Consent coPiConsents = council.recordConsent(coPi, ConsentDecision.CONSENT, NOW.plusSeconds(60));
        council.establish(List.of(piConsents, coPiDeclines, coPiConsents), person(), NOW.plusSeconds(60));
        assertThat(council.status()).isEqualTo(CouncilStatus.ESTABLISHED);
        assertThat(council.establishedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(council.registeredEvents()).hasAtLeastOneElementOfType(CouncilEvents.CouncilEstablished.class);
        refused(ProblemCode.CONFLICT, () -> council.establish(List.of(piConsents, coPiConsents), person(), NOW));
    }

    @Test
    void r7_aCouncilAnotherModuleVetoesIsNotDissolved() {
        // R7
        Council council = establishedCouncil();
        refused(ProblemCode.COUNCIL_HAS_ACTIVE_PROJECT, () -> council.dissolve(id -> true, person(), NOW));
        assertThat(council.status()).isEqualTo(CouncilStatus.ESTABLISHED);
        council.dissolve(id -> false, person(), NOW);
        assertThat(council.isDissolved()).isTrue();
        refused(ProblemCode.CONFLICT, () -> council.dissolve(id -> false, person(), NOW));
    }

    @Test
    void r8_proposalsAndMeetingsNeedAnEstablishedCouncilAndADissolvedOneTakesNoNewcomers() {
        // R8, R13
        Council proposed = proposedCouncil(person());
        refused(ProblemCode.COUNCIL_NOT_ESTABLISHED, () -> proposed.submitProposal(Matter.PROMOTION, "題", "本文",
                null, null, d -> { }, person(), NOW));
        refused(ProblemCode.COUNCIL_NOT_ESTABLISHED, () -> proposed.scheduleMeeting("第1回", NOW, NOW.plusSeconds(60),
                "庁舎", null, List.of(), person(), NOW));
        Council dissolved = establishedCouncil();
        dissolved.dissolve(id -> false, person(), NOW);
        refused(ProblemCode.CONFLICT, () -> dissolved.invite(ParticipantRole.STARTUP, null, new byte[32],
                Duration.ofDays(7), person(), NOW));
        refused(ProblemCode.CONFLICT, () -> dissolved.admit(AggregateFixtures.organization(),
                ParticipantRole.COMPANY, person(), java.util.Set.of(), person(), NOW));
    }

    @Test
    void r13_anInvitationIsForTheRoleAnInviteeTakesNeverTheCompetentMinistrys() {
        // R13
        Council council = establishedCouncil();
        refused(ProblemCode.VALIDATION_FAILED, () -> council.invite(ParticipantRole.COMPETENT_MINISTRY, null,
                new byte[32], Duration.ofDays(7), person(), NOW));
        Invitation invitation = council.invite(ParticipantRole.STARTUP, null, new byte[32], Duration.ofDays(7),
                person(), NOW);
        assertThat(invitation.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(invitation.isNew()).isTrue();
    }
}
