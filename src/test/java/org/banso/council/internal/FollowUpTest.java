package org.banso.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banso.council.internal.AggregateFixtures.NOW;
import static org.banso.council.internal.AggregateFixtures.establishedCouncil;
import static org.banso.council.internal.AggregateFixtures.organization;
import static org.banso.council.internal.AggregateFixtures.person;
import static org.banso.council.internal.AggregateFixtures.refused;
import static org.banso.council.internal.AggregateFixtures.representativeOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.banso.council.MaterialRequestStatus;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.TaskKind;
import org.banso.council.TaskStatus;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/** Meetings, action items and material requests guard their rules by themselves (R8, R9, R11). */
class FollowUpTest {

    final Council council = establishedCouncil();
    final ParticipantId assignee = ParticipantId.random();

    @Test
    void r8_attendanceNamesOnlyPeopleOfTheCurrentParticipantsAndARefusalChangesNothing() {
        // R8, R12
        Meeting meeting = council.scheduleMeeting("第1回", NOW, NOW.plusSeconds(3600), "庁舎", null, List.of(),
                person(), NOW);
        UserId member = person();
        UserId stranger = person();
        meeting.recordAttendance(List.of(member), Set.of(member));
        refused(ProblemCode.VALIDATION_FAILED, () -> meeting.recordAttendance(List.of(member, stranger),
                Set.of(member)));
        assertThat(meeting.attendees()).containsExactly(member);
    }

    @Test
    void r9_anActionItemIsDoneOnceByItsAssigneeOrTheCompetentMinistry() {
        // R9
        Task task = Task.actionItem(council.id(), ProposalId.random(), assignee, "評価", null,
                LocalDate.of(2026, 12, 1), person(), NOW);
        assertThat(task.isOverdue(LocalDate.of(2026, 12, 2))).isTrue();
        refused(ProblemCode.FORBIDDEN, () -> task.complete(representativeOf(council.id(), ParticipantId.random(),
                ParticipantRole.COMPANY), organization(), person(), NOW));
        task.complete(representativeOf(council.id(), assignee, ParticipantRole.STARTUP), organization(), person(),
                NOW);
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        assertThat(task.isOverdue(LocalDate.of(2026, 12, 2))).isFalse();
        refused(ProblemCode.CONFLICT, () -> task.complete(representativeOf(council.id(), assignee,
                ParticipantRole.STARTUP), organization(), person(), NOW));
    }

    @Test
    void r9_aSupportRequestIsDoneByTheResponsibleMinistry() {
        // R9
        OrganizationId ministry = organization();
        Task task = Task.supportRequest(council.id(), TaskKind.REGULATORY_RELAXATION, ministry, "規制緩和の検討", null,
                LocalDate.of(2027, 1, 1), person(), NOW);
        task.complete(representativeOf(council.id(), ParticipantId.random(), ParticipantRole.NEEDS_MINISTRY),
                ministry, person(), NOW);
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void r11_onlyTheAddressedParticipantAnswersAMaterialRequestAndOnlyOnce() {
        // R11
        MaterialRequest request = MaterialRequest.request(council.id(), assignee, "海外動向", null,
                LocalDate.of(2027, 1, 1), person(), NOW);
        refused(ProblemCode.FORBIDDEN, () -> request.fulfil(representativeOf(council.id(), ParticipantId.random(),
                ParticipantRole.THINK_TANK), List.of(UUID.randomUUID()), person(), NOW));
        refused(ProblemCode.VALIDATION_FAILED, () -> request.decline(representativeOf(council.id(), assignee,
                ParticipantRole.THINK_TANK), " ", person(), NOW));
        UUID item = UUID.randomUUID();
        request.fulfil(representativeOf(council.id(), assignee, ParticipantRole.THINK_TANK), List.of(item), person(),
                NOW);
        assertThat(request.status()).isEqualTo(MaterialRequestStatus.FULFILLED);
        assertThat(request.itemIds()).containsExactly(item);
        refused(ProblemCode.CONFLICT, () -> request.decline(representativeOf(council.id(), assignee,
                ParticipantRole.THINK_TANK), "契約上不可", person(), NOW));
    }
}
