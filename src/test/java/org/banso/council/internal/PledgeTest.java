package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.refused;
import static org.banso.council.internal.AggregateFixtures.representativeOf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilStatus;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.SignatureEnd;
import org.banso.identity.UserId;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** The pledge's and a signature's verbs guard R12 by themselves. */
class PledgeTest {

    final CouncilId council = CouncilId.random();
    final Pledge pledge = Pledge.first(council, "国家公務員と同等の守秘義務", "A duty equal to a public servant's",
            person(), NOW);

    @Test
    void r12_aSignatureKeepsTheVersionAndTheHashOfExactlyTheTextSigned() throws Exception {
        // R12
        UserId signer = person();
        Signature signature = pledge.sign(signer, "en", NOW);
        assertThat(signature.version()).isEqualTo(1);
        assertThat(signature.textSha256Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest("A duty equal to a public servant's".getBytes(StandardCharsets.UTF_8))));
        assertThat(signature.registeredEvents()).singleElement().isInstanceOf(CouncilEvents.PledgeSigned.class);
        assertThat(pledge.sign(signer, null, NOW).language()).as("Japanese by default").isEqualTo("ja");
        refused(ProblemCode.VALIDATION_FAILED, () -> pledge.sign(signer, "fr", NOW));
    }

    @Test
    void r12_onlyTheCompetentMinistryPublishesANewVersionWhichEveryoneSignsAgain() {
        // R12
        ParticipantId participant = ParticipantId.random();
        refused(ProblemCode.FORBIDDEN, () -> pledge.publish(representativeOf(council, participant,
                ParticipantRole.STARTUP), "新", "new", person(), NOW));
        refused(ProblemCode.VALIDATION_FAILED, () -> pledge.publish(representativeOf(council, participant,
                ParticipantRole.COMPETENT_MINISTRY), " ", "new", person(), NOW));
        pledge.publish(representativeOf(council, participant, ParticipantRole.COMPETENT_MINISTRY), "第2版", "v2",
                person(), NOW);
        assertThat(pledge.currentVersion()).isEqualTo(2);
        assertThat(pledge.sign(person(), "ja", NOW).version()).isEqualTo(2);
    }

    @Test
    void r12_nobodySignsInADissolvedCouncil() {
        // R12
        Pledge dissolved = new Pledge(council, 1, CouncilStatus.DISSOLVED,
                Set.of(new Pledge.Text(1, "誓約", "pledge", person(), NOW)));
        refused(ProblemCode.CONFLICT, () -> dissolved.sign(person(), "ja", NOW));
    }

    @Test
    void r12_revokingOrLeavingEndsTheSignatureOnceAndTheDutyContinues() {
        // R12
        Signature revoked = pledge.sign(person(), "ja", NOW);
        revoked.revoke(NOW);
        assertThat(revoked.isActive()).isFalse();
        assertThat(revoked.endedReason()).isEqualTo(SignatureEnd.REVOKED);
        assertThat(revoked.dutyContinues()).isTrue();
        Signature left = pledge.sign(person(), "ja", NOW);
        left.endOnLeaving(NOW);
        assertThat(left.endedReason()).isEqualTo(SignatureEnd.LEFT);
        assertThat(left.dutyContinues()).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> left.revoke(NOW));
    }
}
