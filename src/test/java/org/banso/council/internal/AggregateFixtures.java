package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;

/** Plain objects for the aggregate tests: no Spring, no database, a fixed instant. */
final class AggregateFixtures {

    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    private AggregateFixtures() {
    }

    static UserId person() {
        return new UserId(UUID.randomUUID());
    }

    static OrganizationId organization() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** A council proposed by the ministry, awaiting the consent of {@code consenters}. */
    static Council proposedCouncil(UserId... consenters) {
        return Council.propose("協議会", organization(), List.of(), List.of(consenters), null, person(), NOW);
    }

    static Council establishedCouncil() {
        UserId pi = person();
        Council council = proposedCouncil(pi);
        council.establish(List.of(council.recordConsent(pi, org.banso.council.ConsentDecision.CONSENT, NOW)),
                person(), NOW);
        return council;
    }

    static CouncilMembership representativeOf(CouncilId council, ParticipantId participant, ParticipantRole role) {
        return new CouncilMembership(council, participant, role, true, true);
    }

    static CouncilMembership memberOf(CouncilId council, ParticipantId participant, ParticipantRole role) {
        return new CouncilMembership(council, participant, role, false, true);
    }

    /** The refusal the call ends in, asserted to carry {@code code}. */
    static BansoException refused(ProblemCode code, ThrowingCallable call) {
        BansoException refusal = catchThrowableOfType(BansoException.class, call);
        assertThat(refusal).as("refused with %s", code).isNotNull();
        assertThat(refusal.code()).isEqualTo(code);
        return refusal;
    }
}
