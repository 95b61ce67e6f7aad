package org.banso.council.internal;

import static org.banso.council.internal.CouncilRecords.instant;
import static org.banso.council.internal.CouncilRecords.ts;
import static org.banso.council.internal.CouncilRecords.uuid;
import static org.banso.council.internal.CouncilRecords.uuids;
import static org.banso.council.internal.CouncilService.failIfAny;
import static org.banso.council.internal.CouncilService.text;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilManagement;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews.AgendaItem;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.council.CouncilViews.TaskView;
import org.banso.council.Matter;
import org.banso.council.MaterialRequestId;
import org.banso.council.MeetingId;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.TaskId;
import org.banso.council.internal.CouncilRecords.CouncilRow;
import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.ProblemCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows from a council's work: meetings with agendas of the four matters (R8) and their iCalendar form,
 * action items from adopted decisions (R9), support requests (規制緩和の検討, 国際標準化の支援) assigned to a
 * responsible ministry, and material requests to the think tank or a participant (R11). All of it is non-public
 * council information: only participants with a signed current pledge see it (R12).
 */
@Service
class FollowUpService {

    /** Due dates are calendar days in Japan. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final CouncilService councils;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<CouncilItems> items;

    FollowUpService(JdbcClient jdbc, CouncilService councils, ApplicationEventPublisher events, Clock clock,
                    ObjectProvider<CouncilItems> items) {
        this.items = items;
        this.jdbc = jdbc;
        this.councils = councils;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ meetings

    @Transactional
    public MeetingView scheduleMeeting(CouncilId id, CouncilManagement.NewMeeting request, BansoUser actor) {
        CouncilRow council = councils.visible(id, actor);
        councils.pledged(council, actor);
        councils.competent(council, actor);
        requireEstablished(council);
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = text("title", request.title(), 300, errors);
        if (request.startsAt() == null || request.endsAt() == null || !request.endsAt().isAfter(request.startsAt())) {
            errors.add(new FieldError("endsAt", "a meeting has a start and an end after it"));
        }
        String place = blankToNull(request.place());
        String link = blankToNull(request.link());
        if (place == null && link == null) {
            errors.add(new FieldError("place", "give a place or a link"));
        }
        if (link != null && !link.matches("https://\\S{1,990}")) {
            errors.add(new FieldError("link", "must be an https:// link"));
        }
        List<AgendaItem> agenda = request.agenda() == null ? List.of() : request.agenda();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            if (item == null || item.matter() == null) {
                errors.add(new FieldError("agenda[" + i + "].matter", "must be one of the four matters (R8)"));
            } else {
                text("agenda[" + i + "].title", item.title(), 300, errors);
                if (item.proposalId() != null && !proposalInCouncil(item.proposalId(), id)) {
                    errors.add(new FieldError("agenda[" + i + "].proposalId", "must be a proposal of this council"));
                }
            }
        }
        failIfAny(errors);
        MeetingId meeting = MeetingId.random();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into council_meeting (id, council_id, title, starts_at, ends_at, place, link, created_by,
                                             created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meeting.value(), id.value(), title, ts(request.startsAt()), ts(request.endsAt()), place, link,
                        actor.id().value(), ts(now)).update();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            jdbc.sql("""
                    insert into council_agenda_item (meeting_id, position, matter, title, proposal_id)
                    values (?, ?, ?, ?, ?)""")
                    .params(meeting.value(), i + 1, item.matter().name(), item.title().strip(),
                            item.proposalId() == null ? null : item.proposalId().value()).update();
        }
        events.publishEvent(new CouncilEvents.MeetingScheduled(id, meeting, actor.id(), now));
        return meetingView(meeting);
    }

    private boolean proposalInCouncil(ProposalId proposal, CouncilId council) {
        return jdbc.sql("select count(*) from council_proposal where id = ? and council_id = ?")
                .params(proposal.value(), council.value()).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<MeetingView> meetings(CouncilId id, BansoUser viewer) {
        councils.pledged(councils.visible(id, viewer), viewer);
        return jdbc.sql("select id from council_meeting where council_id = ? order by starts_at").param(id.value())
                .query(UUID.class).list().stream().map(m -> meetingView(new MeetingId(m))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<MeetingView> meetingForIndex(MeetingId id) {
        boolean exists = jdbc.sql("select count(*) from council_meeting where id = ?").param(id.value())
                .query(Long.class).single() > 0;
        return exists ? Optional.of(meetingView(id)) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public MeetingView meeting(MeetingId id, BansoUser viewer) {
        CouncilId council = councilOf("council_meeting", id.value(), "The meeting");
        visibleOr404(council, viewer, "The meeting");
        councils.pledged(councils.row(council).orElseThrow(), viewer);
        return meetingView(id);
    }

    @Transactional
    public MeetingView recordAttendance(MeetingId id, List<UserId> attendees, UUID minutesItemId, BansoUser actor) {
        CouncilId councilId = councilOf("council_meeting", id.value(), "The meeting");
        visibleOr404(councilId, actor, "The meeting");
        CouncilRow council = councils.row(councilId).orElseThrow();
        councils.pledged(council, actor);
        councils.competent(council, actor);
        List<UserId> people = CouncilService.distinct(attendees);
        jdbc.sql("delete from council_attendance where meeting_id = ?").param(id.value()).update();
        for (UserId person : people) {
            if (person == null) {
                throw BansoException.invalid("attendees", "must name people");
            }
            jdbc.sql("insert into council_attendance (meeting_id, user_id) values (?, ?)")
                    .params(id.value(), person.value()).update();
        }
        if (minutesItemId != null) {
            requireVisibleItems(councilId, List.of(minutesItemId), actor, "minutesItemId");
            jdbc.sql("update council_meeting set minutes_item_id = ? where id = ?").params(minutesItemId, id.value())
                    .update();
            events.publishEvent(new CouncilEvents.MeetingMinutesRecorded(councilId, id, minutesItemId, actor.id(),
                    clock.instant()));
        }
        return meetingView(id);
    }

    /** The meeting as an iCalendar (RFC 5545) event, for people's calendars. Carries no agenda text. */
    @Transactional(readOnly = true)
    public String ical(MeetingId id, BansoUser viewer) {
        MeetingView m = meeting(id, viewer);
        return MeetingCalendar.of(m.id().value(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.link(),
                clock.instant());
    }

    private MeetingView meetingView(MeetingId id) {
        List<AgendaItem> agenda = jdbc.sql("""
                        select * from council_agenda_item where meeting_id = ? order by position""").param(id.value())
                .query((rs, n) -> new AgendaItem(Matter.valueOf(rs.getString("matter")), rs.getString("title"),
                        rs.getObject("proposal_id") == null ? null : new ProposalId(uuid(rs, "proposal_id")))).list();
        List<UserId> attendees = jdbc.sql("select user_id from council_attendance where meeting_id = ?")
                .param(id.value()).query(UUID.class).list().stream().map(UserId::new).toList();
        return jdbc.sql("select * from council_meeting where id = ?").param(id.value())
                .query((rs, n) -> new MeetingView(id, new CouncilId(uuid(rs, "council_id")), rs.getString("title"),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("place"), rs.getString("link"),
                        agenda, attendees, rs.getObject("minutes_item_id", UUID.class))).single();
    }

    // ------------------------------------------------------------------ action items and support requests (R9)

    @Transactional
    public TaskView createTask(CouncilId id, CouncilManagement.NewTask request, BansoUser actor) {
        CouncilRow council = councils.visible(id, actor);
        councils.pledged(council, actor);
        councils.competent(council, actor);
        requireEstablished(council);
        if (request == null) {
            throw BansoException.invalid("kind", "must be ACTION_ITEM, REGULATORY_RELAXATION or INTERNATIONAL_STANDARDIZATION");
        }
        List<FieldError> errors = new ArrayList<>();
        String kind = request.kind();
        if (!List.of("ACTION_ITEM", "REGULATORY_RELAXATION", "INTERNATIONAL_STANDARDIZATION").contains(kind)) {
            errors.add(new FieldError("kind", "must be ACTION_ITEM, REGULATORY_RELAXATION or INTERNATIONAL_STANDARDIZATION"));
        }
        String title = text("title", request.title(), 300, errors);
        String description = blankToNull(request.description());
        if (request.dueDate() == null) {
            errors.add(FieldError.coded("dueDate", "required", "must not be empty"));
        }
        if ("ACTION_ITEM".equals(kind)) {
            if (request.proposalId() == null || !adoptedIn(request.proposalId(), id)) {
                errors.add(new FieldError("proposalId", "an action item follows an adopted proposal of this council (R9)"));
            }
            if (request.assigneeParticipantId() == null || !currentParticipant(request.assigneeParticipantId(), id)) {
                errors.add(new FieldError("assigneeParticipantId", "must be a current participant"));
            }
        } else if (kind != null) {
            if (request.responsibleMinistryId() == null
                    || !ministryParticipant(request.responsibleMinistryId(), id)) {
                errors.add(new FieldError("responsibleMinistryId",
                        "must be a ministry taking part in the council"));
            }
        }
        failIfAny(errors);
        TaskId task = TaskId.random();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into council_task (id, council_id, kind, proposal_id, assignee_participant_id,
                                          responsible_ministry_id, title, description, due_date, status, created_by,
                                          created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(task.value(), id.value(), kind,
                        "ACTION_ITEM".equals(kind) ? request.proposalId().value() : null,
                        "ACTION_ITEM".equals(kind) ? request.assigneeParticipantId().value() : null,
                        "ACTION_ITEM".equals(kind) ? null : request.responsibleMinistryId().value(),
                        title, description, Date.valueOf(request.dueDate()), actor.id().value(), ts(now)).update();
        events.publishEvent(new CouncilEvents.TaskAssigned(id, task, kind, actor.id(), now));
        return task(task);
    }

    private boolean adoptedIn(ProposalId proposal, CouncilId council) {
        return jdbc.sql("select count(*) from council_proposal where id = ? and council_id = ? and status = 'ADOPTED'")
                .params(proposal.value(), council.value()).query(Long.class).single() > 0;
    }

    private boolean currentParticipant(ParticipantId participant, CouncilId council) {
        return jdbc.sql("select count(*) from council_participant where id = ? and council_id = ? and left_at is null")
                .params(participant.value(), council.value()).query(Long.class).single() > 0;
    }

    private boolean ministryParticipant(OrganizationId org, CouncilId council) {
        return jdbc.sql("""
                        select count(*) from council_participant where organization_id = ? and council_id = ?
                        and left_at is null and role in ('COMPETENT_MINISTRY', 'NEEDS_MINISTRY', 'RELATED_MINISTRY')""")
                .params(org.value(), council.value()).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<TaskView> tasks(CouncilId id, BansoUser viewer) {
        councils.pledged(councils.visible(id, viewer), viewer);
        return jdbc.sql("select * from council_task where council_id = ? order by status desc, due_date, created_at")
                .param(id.value()).query(this::mapTask).list();
    }

    /** Done by a member of the assigned participant or responsible ministry, or by the competent ministry. */
    @Transactional
    public TaskView completeTask(TaskId id, BansoUser actor) {
        CouncilId councilId = councilOf("council_task", id.value(), "The task");
        visibleOr404(councilId, actor, "The task");
        CouncilRow council = councils.row(councilId).orElseThrow();
        CouncilMembership me = councils.pledged(council, actor);
        TaskView task = task(id);
        boolean assignee = me.participant().equals(task.assigneeParticipantId());
        boolean responsible = task.responsibleMinistryId() != null
                && task.responsibleMinistryId().equals(actor.organizationId());
        if (!assignee && !responsible && me.role() != ParticipantRole.COMPETENT_MINISTRY) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only the assignee or the competent ministry completes it.");
        }
        if ("DONE".equals(task.status())) {
            throw new BansoException(ProblemCode.CONFLICT, "The task is already done.");
        }
        Instant now = clock.instant();
        jdbc.sql("update council_task set status = 'DONE', done_at = ?, done_by = ? where id = ?")
                .params(ts(now), actor.id().value(), id.value()).update();
        events.publishEvent(new CouncilEvents.TaskCompleted(councilId, id, actor.id(), now));
        return task(id);
    }

    private TaskView task(TaskId id) {
        return jdbc.sql("select * from council_task where id = ?").param(id.value()).query(this::mapTask).single();
    }

    private TaskView mapTask(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate due = rs.getDate("due_date").toLocalDate();
        String status = rs.getString("status");
        return new TaskView(new TaskId(uuid(rs, "id")), new CouncilId(uuid(rs, "council_id")), rs.getString("kind"),
                rs.getObject("proposal_id") == null ? null : new ProposalId(uuid(rs, "proposal_id")),
                rs.getObject("assignee_participant_id") == null ? null
                        : new ParticipantId(uuid(rs, "assignee_participant_id")),
                rs.getObject("responsible_ministry_id") == null ? null
                        : new OrganizationId(uuid(rs, "responsible_ministry_id")),
                rs.getString("title"), rs.getString("description"), due, status,
                "OPEN".equals(status) && due.isBefore(today()), instant(rs, "created_at"), instant(rs, "done_at"));
    }

    // ------------------------------------------------------------------ material requests (R11)

    @Transactional
    public MaterialRequestView requestMaterials(CouncilId id, CouncilManagement.NewMaterialRequest request,
                                                BansoUser actor) {
        CouncilRow council = councils.visible(id, actor);
        councils.pledged(council, actor);
        requireEstablished(council);
        if (request == null) {
            throw BansoException.invalid("addresseeParticipantId", "must be a current participant");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.addresseeParticipantId() == null || !currentParticipant(request.addresseeParticipantId(), id)) {
            errors.add(new FieldError("addresseeParticipantId", "must be a current participant (the think tank or another)"));
        }
        String title = text("title", request.title(), 300, errors);
        if (request.dueDate() == null) {
            errors.add(FieldError.coded("dueDate", "required", "must not be empty"));
        }
        failIfAny(errors);
        MaterialRequestId req = MaterialRequestId.random();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into council_material_request (id, council_id, addressee_participant_id, title, description,
                                                      due_date, status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(req.value(), id.value(), request.addresseeParticipantId().value(), title,
                        blankToNull(request.description()), Date.valueOf(request.dueDate()), actor.id().value(),
                        ts(now)).update();
        events.publishEvent(new CouncilEvents.MaterialsRequested(id, req, request.addresseeParticipantId(),
                actor.id(), now));
        return materialRequest(req);
    }

    @Transactional(readOnly = true)
    public List<MaterialRequestView> materialRequests(CouncilId id, BansoUser viewer) {
        councils.pledged(councils.visible(id, viewer), viewer);
        return jdbc.sql("select * from council_material_request where council_id = ? order by due_date, requested_at")
                .param(id.value()).query(this::mapMaterial).list();
    }

    @Transactional
    public MaterialRequestView fulfil(MaterialRequestId id, List<UUID> itemIds, BansoUser actor) {
        MaterialRequestView request = answerable(id, actor);
        List<UUID> items = CouncilService.distinct(itemIds);
        if (items.isEmpty() || items.contains(null)) {
            throw BansoException.invalid("itemIds", "name the information items that answer the request");
        }
        requireVisibleItems(request.councilId(), items, actor, "itemIds");
        Instant now = clock.instant();
        jdbc.sql("""
                update council_material_request set status = 'FULFILLED', item_ids = ?::uuid[], answered_by = ?,
                answered_at = ? where id = ?""")
                .params("{" + String.join(",", items.stream().map(UUID::toString).toList()) + "}", actor.id().value(), ts(now), id.value()).update();
        events.publishEvent(new CouncilEvents.MaterialsProvided(request.councilId(), id, items.size(), actor.id(),
                now));
        return materialRequest(id);
    }

    @Transactional
    public MaterialRequestView decline(MaterialRequestId id, String reason, BansoUser actor) {
        MaterialRequestView request = answerable(id, actor);
        List<FieldError> errors = new ArrayList<>();
        String why = text("reason", reason, 5000, errors);
        failIfAny(errors);
        Instant now = clock.instant();
        jdbc.sql("""
                update council_material_request set status = 'DECLINED', decline_reason = ?, answered_by = ?,
                answered_at = ? where id = ?""").params(why, actor.id().value(), ts(now), id.value()).update();
        events.publishEvent(new CouncilEvents.MaterialRequestDeclined(request.councilId(), id, actor.id(), now));
        return materialRequest(id);
    }

    /** Materials and minutes are information items of the council itself, which the actor may see (R11). */
    private void requireVisibleItems(CouncilId council, List<UUID> ids, BansoUser actor, String field) {
        CouncilItems checker = items.getIfAvailable();
        if (checker == null || !checker.allVisibleInCouncil(council, ids, actor)) {
            throw BansoException.invalid(field, "must name information items of this council that you may see");
        }
    }

    /** Only a member of the addressed participant answers, and only once. */
    private MaterialRequestView answerable(MaterialRequestId id, BansoUser actor) {
        CouncilId councilId = councilOf("council_material_request", id.value(), "The material request");
        visibleOr404(councilId, actor, "The material request");
        jdbc.sql("select id from council_material_request where id = ? for update").param(id.value()).query(UUID.class)
                .single();
        CouncilMembership me = councils.pledged(councils.row(councilId).orElseThrow(), actor);
        MaterialRequestView request = materialRequest(id);
        if (!me.participant().equals(request.addresseeParticipantId())) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only the addressed participant answers (R11).");
        }
        if (!"REQUESTED".equals(request.status())) {
            throw new BansoException(ProblemCode.CONFLICT, "The request was already answered.");
        }
        return request;
    }

    private MaterialRequestView materialRequest(MaterialRequestId id) {
        return jdbc.sql("select * from council_material_request where id = ?").param(id.value())
                .query(this::mapMaterial).single();
    }

    private MaterialRequestView mapMaterial(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate due = rs.getDate("due_date").toLocalDate();
        String status = rs.getString("status");
        return new MaterialRequestView(new MaterialRequestId(uuid(rs, "id")), new CouncilId(uuid(rs, "council_id")),
                new ParticipantId(uuid(rs, "addressee_participant_id")), rs.getString("title"),
                rs.getString("description"), due, status, "REQUESTED".equals(status) && due.isBefore(today()),
                uuids(rs, "item_ids"), rs.getString("decline_reason"), instant(rs, "requested_at"),
                instant(rs, "answered_at"));
    }

    // ------------------------------------------------------------------ helpers

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), JAPAN);
    }

    private CouncilId councilOf(String table, UUID id, String what) {
        // table is one of this class's constants, never input
        return jdbc.sql("select council_id from " + table + " where id = ?").param(id).query(UUID.class).optional()
                .map(CouncilId::new).orElseThrow(() -> BansoException.notFound(what));
    }

    private void visibleOr404(CouncilId council, BansoUser viewer, String what) {
        try {
            councils.visible(council, viewer);
        } catch (BansoException e) {
            throw BansoException.notFound(what);
        }
    }

    private static void requireEstablished(CouncilRow council) {
        if (council.status() != CouncilStatus.ESTABLISHED) {
            throw new BansoException(ProblemCode.COUNCIL_NOT_ESTABLISHED, "The council is not established.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
