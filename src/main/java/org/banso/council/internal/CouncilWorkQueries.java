package org.banso.council.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilWorklist;
import org.banso.council.WaitingKind;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequestStatus;
import org.banso.council.MeetingId;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.council.TaskId;
import org.banso.council.TaskStatus;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries over the council's own tables for the personal inbox and reminders: one SQL statement per kind of
 * thing, never whole aggregates. Titles are given only to people with a signed current pledge (R12), decided by the
 * memberships query like every other access in the module.
 */
@Component
@Transactional(readOnly = true)
class CouncilWorkQueries implements CouncilWorklist {

    /** Open and not lapsed: silence is never consent, a lapsed proposal waits for nobody. */
    private static final String OPEN_PROPOSAL = "pr.status = 'OPEN' and (pr.response_deadline is null"
            + " or pr.response_deadline > :now)";

    private final JdbcClient jdbc;
    private final CouncilMemberships memberships;
    private final CouncilListings listings;

    CouncilWorkQueries(JdbcClient jdbc, CouncilMemberships memberships, CouncilListings listings) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.listings = listings;
    }

    @Override
    public List<Waiting> waitingFor(BansoUser person, Instant now) {
        List<Waiting> all = new ArrayList<>();
        UUID user = person.id().value();
        LocalDate today = LocalDate.ofInstant(now, CouncilReadModels.JAPAN);
        jdbc.sql("""
                        select c.id, c.name, c.proposed_at from council_council c
                        join council_required_consenter r on r.council_id = c.id and r.user_id = :user
                        where c.status = 'PROPOSED'
                          and not exists (select 1 from council_consent k
                                          where k.council_id = c.id and k.user_id = :user)""")
                .param("user", user)
                .query(rs -> {
                    CouncilId council = councilId(rs);
                    all.add(new Waiting(WaitingKind.CONSENT, council, rs.getString("name"), council.value(), null,
                            null, null, false, "/councils/" + council.value()));
                });
        jdbc.sql("""
                        select pr.id, pr.council_id, c.name, pr.response_deadline, rv.title
                        from council_proposal pr
                        join council_council c on c.id = pr.council_id
                        join council_participant pt on pt.council_id = pr.council_id and pt.left_at is null
                                                   and pt.representative_id = :user
                        join council_proposal_revision rv on rv.proposal_id = pr.id and rv.revision = pr.revision
                        where %s
                          and not exists (select 1 from council_proposal_response a where a.proposal_id = pr.id
                                          and a.revision = pr.revision and a.participant_id = pt.id)""".formatted(
                        OPEN_PROPOSAL))
                .param("user", user).param("now", Timestamp.from(now))
                .query(rs -> {
                    CouncilId council = councilId(rs, "council_id");
                    boolean pledged = pledged(council, person);
                    UUID proposal = rs.getObject("id", UUID.class);
                    all.add(new Waiting(WaitingKind.PROPOSAL_ANSWER, council, rs.getString("name"), proposal,
                            pledged ? rs.getString("title") : null, instant(rs, "response_deadline"), null, false,
                            pledged ? "/proposals/" + proposal : "/councils/" + council.value() + "#pledge"));
                });
        jdbc.sql("""
                        select distinct c.id, c.name, c.pledge_version from council_council c
                        join council_participant pt on pt.council_id = c.id and pt.left_at is null
                        join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                        where c.status <> 'DISSOLVED'
                          and not exists (select 1 from council_pledge_signature s where s.council_id = c.id
                                          and s.user_id = :user and s.version = c.pledge_version
                                          and s.ended_at is null)""")
                .param("user", user)
                .query(rs -> {
                    CouncilId council = councilId(rs);
                    all.add(new Waiting(WaitingKind.PLEDGE, council, rs.getString("name"), council.value(), null,
                            null, null, false, "/councils/" + council.value() + "#pledge"));
                });
        jdbc.sql("""
                        select r.id, r.council_id, c.name, r.title, r.due_date from council_material_request r
                        join council_council c on c.id = r.council_id
                        join council_participant pt on pt.id = r.addressee_participant_id and pt.left_at is null
                        join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                        where r.status = 'REQUESTED' and c.status = 'ESTABLISHED'""")
                .param("user", user)
                .query(rs -> {
                    CouncilId council = councilId(rs, "council_id");
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    boolean pledged = pledged(council, person);
                    all.add(new Waiting(WaitingKind.MATERIAL_REQUEST, council, rs.getString("name"),
                            rs.getObject("id", UUID.class), pledged ? rs.getString("title") : null, null, due,
                            due.isBefore(today), followUp(council, pledged)));
                });
        jdbc.sql("""
                        select t.id, t.council_id, c.name, t.title, t.due_date from council_task t
                        join council_council c on c.id = t.council_id
                        join council_participant pt on pt.council_id = t.council_id and pt.left_at is null
                             and (pt.id = t.assignee_participant_id
                                  or (t.assignee_participant_id is null
                                      and pt.organization_id = t.responsible_ministry_id))
                        join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                        where t.status = 'OPEN' and c.status = 'ESTABLISHED'""")
                .param("user", user)
                .query(rs -> {
                    CouncilId council = councilId(rs, "council_id");
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    boolean pledged = pledged(council, person);
                    all.add(new Waiting(WaitingKind.TASK, council, rs.getString("name"),
                            rs.getObject("id", UUID.class), pledged ? rs.getString("title") : null, null, due,
                            due.isBefore(today), followUp(council, pledged)));
                });
        jdbc.sql("""
                        select distinct mt.id, mt.council_id, c.name, mt.title, mt.starts_at from council_meeting mt
                        join council_council c on c.id = mt.council_id
                        join council_participant pt on pt.council_id = mt.council_id and pt.left_at is null
                        join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                        where mt.cancelled_at is null and mt.starts_at >= :from and mt.starts_at < :to""")
                .param("user", user).param("from", Timestamp.from(now))
                .param("to", Timestamp.from(now.plus(java.time.Duration.ofDays(7))))
                .query(rs -> {
                    CouncilId council = councilId(rs, "council_id");
                    boolean pledged = pledged(council, person);
                    all.add(new Waiting(WaitingKind.MEETING, council, rs.getString("name"),
                            rs.getObject("id", UUID.class), pledged ? rs.getString("title") : null,
                            instant(rs, "starts_at"), null, false, followUp(council, pledged)));
                });
        all.sort(Comparator.comparing((Waiting w) -> !w.overdue())
                .thenComparing(CouncilWorkQueries::dueKey, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(w -> w.kind().ordinal()));
        return List.copyOf(all);
    }

    @Override
    public int waitingCount(BansoUser person, Instant now) {
        return jdbc.sql("""
                        select
                          (select count(*) from council_council c
                           join council_required_consenter r on r.council_id = c.id and r.user_id = :user
                           where c.status = 'PROPOSED' and not exists (select 1 from council_consent k
                                 where k.council_id = c.id and k.user_id = :user))
                        + (select count(*) from council_proposal pr
                           join council_participant pt on pt.council_id = pr.council_id and pt.left_at is null
                                                      and pt.representative_id = :user
                           where %s and not exists (select 1 from council_proposal_response a
                                 where a.proposal_id = pr.id and a.revision = pr.revision
                                   and a.participant_id = pt.id))
                        + (select count(distinct c.id) from council_council c
                           join council_participant pt on pt.council_id = c.id and pt.left_at is null
                           join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                           where c.status <> 'DISSOLVED' and not exists (select 1 from council_pledge_signature s
                                 where s.council_id = c.id and s.user_id = :user and s.version = c.pledge_version
                                   and s.ended_at is null))
                        + (select count(*) from council_material_request r
                           join council_council c on c.id = r.council_id and c.status = 'ESTABLISHED'
                           join council_participant pt on pt.id = r.addressee_participant_id and pt.left_at is null
                           join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                           where r.status = 'REQUESTED')
                        + (select count(*) from council_task t
                           join council_council c on c.id = t.council_id and c.status = 'ESTABLISHED'
                           join council_participant pt on pt.council_id = t.council_id and pt.left_at is null
                                and (pt.id = t.assignee_participant_id or (t.assignee_participant_id is null
                                     and pt.organization_id = t.responsible_ministry_id))
                           join council_participant_member m on m.participant_id = pt.id and m.user_id = :user
                           where t.status = 'OPEN')""".formatted(OPEN_PROPOSAL))
                .param("user", person.id().value()).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    @Override
    public List<CouncilSummary> notEstablished(BansoUser official) {
        if (!official.hasRole(Role.MINISTRY_OFFICIAL) || official.organizationId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from council_council where status = 'PROPOSED' and competent_ministry_id = :ministry
                        order by proposed_at""")
                .param("ministry", official.organizationId().value())
                .query((rs, n) -> councilId(rs)).list().stream()
                .flatMap(id -> listings.findById(id).stream()).map(CouncilListings.Listing::summary).toList();
    }

    @Override
    public Set<UserId> consentersNotAnswered(CouncilId council) {
        return users(jdbc.sql("""
                        select r.user_id from council_required_consenter r
                        join council_council c on c.id = r.council_id and c.status = 'PROPOSED'
                        where r.council_id = :council and not exists (select 1 from council_consent k
                              where k.council_id = r.council_id and k.user_id = r.user_id)""")
                .param("council", council.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    @Override
    public Set<UserId> members(CouncilId council) {
        return users(jdbc.sql("""
                        select m.user_id from council_participant pt
                        join council_participant_member m on m.participant_id = pt.id
                        where pt.council_id = :council and pt.left_at is null""")
                .param("council", council.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    @Override
    public Set<UserId> membersOf(ParticipantId participant) {
        return users(jdbc.sql("select user_id from council_participant_member where participant_id = :p")
                .param("p", participant.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    @Override
    public Set<UserId> unsignedMembers(CouncilId council) {
        return users(jdbc.sql("""
                        select m.user_id from council_council c
                        join council_participant pt on pt.council_id = c.id and pt.left_at is null
                        join council_participant_member m on m.participant_id = pt.id
                        where c.id = :council and not exists (select 1 from council_pledge_signature s
                              where s.council_id = c.id and s.user_id = m.user_id and s.version = c.pledge_version
                                and s.ended_at is null)""")
                .param("council", council.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
    }

    @Override
    public Optional<ProposalFacts> proposal(ProposalId proposal, Instant now) {
        return proposals("pr.id = :id and " + OPEN_PROPOSAL, now, null, proposal.value()).stream().findFirst();
    }

    @Override
    public List<ProposalFacts> proposalsDueBetween(Instant from, Instant to) {
        return proposals("pr.status = 'OPEN' and pr.response_deadline >= :now and pr.response_deadline < :to",
                from, to, null);
    }

    private List<ProposalFacts> proposals(String where, Instant now, Instant to, UUID id) {
        record Row(ProposalId id, CouncilId council, int revision, Instant deadline, UUID representative) {
        }
        var spec = jdbc.sql("""
                        select pr.id, pr.council_id, pr.revision, pr.response_deadline, pt.representative_id
                        from council_proposal pr
                        left join council_participant pt on pt.council_id = pr.council_id and pt.left_at is null
                             and not exists (select 1 from council_proposal_response a where a.proposal_id = pr.id
                                             and a.revision = pr.revision and a.participant_id = pt.id)
                        where %s order by pr.response_deadline, pr.id""".formatted(where))
                .param("now", Timestamp.from(now));
        if (to != null) {
            spec = spec.param("to", Timestamp.from(to));
        }
        if (id != null) {
            spec = spec.param("id", id);
        }
        List<Row> rows = spec.query((rs, n) -> new Row(new ProposalId(rs.getObject("id", UUID.class)),
                councilId(rs, "council_id"), rs.getInt("revision"), instant(rs, "response_deadline"),
                rs.getObject("representative_id", UUID.class))).list();
        List<ProposalFacts> facts = new ArrayList<>();
        for (Row row : rows) {
            ProposalFacts last = facts.isEmpty() ? null : facts.get(facts.size() - 1);
            if (last == null || !last.id().equals(row.id())) {
                last = new ProposalFacts(row.id(), row.council(), row.revision(), row.deadline(),
                        new LinkedHashSet<>());
                facts.add(last);
            }
            if (row.representative() != null) {
                last.awaitingRepresentatives().add(new UserId(row.representative()));
            }
        }
        return facts.stream().map(f -> new ProposalFacts(f.id(), f.councilId(), f.revision(), f.responseDeadline(),
                Set.copyOf(f.awaitingRepresentatives()))).toList();
    }

    @Override
    public Optional<TaskFacts> task(TaskId task) {
        return tasks("t.id = :id", task.value(), null).stream().findFirst();
    }

    @Override
    public List<TaskFacts> overdueTasks(LocalDate today) {
        return tasks("t.status = 'OPEN' and t.due_date < :today", null, today);
    }

    private List<TaskFacts> tasks(String where, UUID id, LocalDate today) {
        var spec = jdbc.sql("""
                select t.id, t.council_id, t.due_date, t.status, m.user_id from council_task t
                left join council_participant pt on pt.council_id = t.council_id and pt.left_at is null
                     and (pt.id = t.assignee_participant_id
                          or (t.assignee_participant_id is null and pt.organization_id = t.responsible_ministry_id))
                left join council_participant_member m on m.participant_id = pt.id
                where %s order by t.due_date, t.id""".formatted(where));
        spec = id != null ? spec.param("id", id) : spec.param("today", today);
        List<TaskFacts> facts = new ArrayList<>();
        spec.query(rs -> {
            TaskId task = new TaskId(rs.getObject("id", UUID.class));
            TaskFacts last = facts.isEmpty() ? null : facts.get(facts.size() - 1);
            if (last == null || !last.id().equals(task)) {
                last = new TaskFacts(task, councilId(rs, "council_id"), rs.getObject("due_date", LocalDate.class),
                        TaskStatus.valueOf(rs.getString("status")) == TaskStatus.OPEN, new HashSet<>());
                facts.add(last);
            }
            UUID user = rs.getObject("user_id", UUID.class);
            if (user != null) {
                last.assignees().add(new UserId(user));
            }
        });
        return facts.stream().map(f -> new TaskFacts(f.id(), f.councilId(), f.dueDate(), f.open(),
                Set.copyOf(f.assignees()))).toList();
    }

    @Override
    public Optional<MaterialRequestFacts> materialRequest(MaterialRequestId request) {
        return requests("r.id = :id", request.value(), null).stream().findFirst();
    }

    @Override
    public List<MaterialRequestFacts> overdueMaterialRequests(LocalDate today) {
        return requests("r.status = 'REQUESTED' and r.due_date < :today", null, today);
    }

    private List<MaterialRequestFacts> requests(String where, UUID id, LocalDate today) {
        var spec = jdbc.sql("""
                select r.id, r.council_id, r.due_date, r.status, m.user_id from council_material_request r
                left join council_participant pt on pt.id = r.addressee_participant_id and pt.left_at is null
                left join council_participant_member m on m.participant_id = pt.id
                where %s order by r.due_date, r.id""".formatted(where));
        spec = id != null ? spec.param("id", id) : spec.param("today", today);
        List<MaterialRequestFacts> facts = new ArrayList<>();
        spec.query(rs -> {
            MaterialRequestId request = new MaterialRequestId(rs.getObject("id", UUID.class));
            MaterialRequestFacts last = facts.isEmpty() ? null : facts.get(facts.size() - 1);
            if (last == null || !last.id().equals(request)) {
                last = new MaterialRequestFacts(request, councilId(rs, "council_id"),
                        rs.getObject("due_date", LocalDate.class),
                        MaterialRequestStatus.valueOf(rs.getString("status")) == MaterialRequestStatus.REQUESTED,
                        new HashSet<>());
                facts.add(last);
            }
            UUID user = rs.getObject("user_id", UUID.class);
            if (user != null) {
                last.addressees().add(new UserId(user));
            }
        });
        return facts.stream().map(f -> new MaterialRequestFacts(f.id(), f.councilId(), f.dueDate(), f.open(),
                Set.copyOf(f.addressees()))).toList();
    }

    @Override
    public Optional<MeetingFacts> meeting(MeetingId meeting) {
        return jdbc.sql("select id, council_id, starts_at, ends_at, sequence, cancelled_at from council_meeting"
                        + " where id = :id")
                .param("id", meeting.value())
                .query((rs, n) -> new MeetingFacts(meeting, councilId(rs, "council_id"), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), rs.getInt("sequence"), rs.getTimestamp("cancelled_at") != null))
                .optional();
    }

    private boolean pledged(CouncilId council, BansoUser person) {
        return memberships.membership(council, person.id()).map(CouncilMembership::pledgeSigned).orElse(false);
    }

    private static String followUp(CouncilId council, boolean pledged) {
        return pledged ? "/councils/" + council.value() + "/follow-up" : "/councils/" + council.value() + "#pledge";
    }

    private static Instant dueKey(Waiting w) {
        return w.dueAt() != null ? w.dueAt()
                : w.dueDate() != null ? w.dueDate().atStartOfDay(CouncilReadModels.JAPAN).toInstant() : null;
    }

    private static Set<UserId> users(List<UUID> ids) {
        return ids.stream().map(UserId::new).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static CouncilId councilId(ResultSet rs) throws SQLException {
        return councilId(rs, "id");
    }

    private static CouncilId councilId(ResultSet rs, String column) throws SQLException {
        return new CouncilId(rs.getObject(column, UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
