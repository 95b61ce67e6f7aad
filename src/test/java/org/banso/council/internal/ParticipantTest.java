package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.establishedCouncil;
import static org.banso.council.internal.AggregateFixtures.memberOf;
import static org.banso.council.internal.AggregateFixtures.organization;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.refused;
import static org.banso.council.internal.AggregateFixtures.representativeOf;

import java.util.Set;

import org.banso.council.CouncilEvents;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.identity.UserId;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** A participant leaves through its representative or is removed by the competent ministry (R6, R12). */
class ParticipantTest {

    final Council council = establishedCouncil();
    final UserId representative = person();
    final Participant startup = council.admit(organization(), ParticipantRole.STARTUP, representative,
            Set.of(person()), person(), NOW);

    @Test
    void r6_theRepresentativeIsAMemberAndSomeoneAddedTwiceIsAddedOnce() {
        // R6
        assertThat(startup.memberIds()).contains(representative).hasSize(2);
        UserId colleague = person();
        assertThat(startup.addMember(colleague, NOW)).isTrue();
        assertThat(startup.addMember(colleague, NOW)).isFalse();
        assertThat(startup.registeredEvents()).filteredOn(CouncilEvents.MemberAdded.class::isInstance).hasSize(1);
    }

    @Test
    void r12_aParticipantLeavesThroughItsRepresentativeOrIsRemovedByTheCompetentMinistry() {
        // R6, R12
        refused(ProblemCode.FORBIDDEN, () -> startup.leave(memberOf(council.id(), startup.id(),
                ParticipantRole.STARTUP), person(), NOW));
        refused(ProblemCode.FORBIDDEN, () -> startup.leave(representativeOf(council.id(), ParticipantId.random(),
                ParticipantRole.COMPANY), person(), NOW));
        startup.leave(representativeOf(council.id(), ParticipantId.random(), ParticipantRole.COMPETENT_MINISTRY),
                person(), NOW);
        assertThat(startup.hasLeft()).isTrue();
        refused(ProblemCode.NOT_FOUND, () -> startup.leave(representativeOf(council.id(), startup.id(),
                ParticipantRole.STARTUP), representative, NOW));
    }

    @Test
    void r7_theCompetentMinistryCannotLeaveItsCouncil() {
        // R7: dissolve the council instead
        Participant ministry = council.admit(organization(), ParticipantRole.COMPETENT_MINISTRY, person(), Set.of(),
                person(), NOW);
        refused(ProblemCode.CONFLICT, () -> ministry.leave(representativeOf(council.id(), ministry.id(),
                ParticipantRole.COMPETENT_MINISTRY), person(), NOW));
        assertThat(ministry.hasLeft()).isFalse();
    }
}
