package org.banso.information.internal.leak;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.LeakEvents;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class LeakService implements LeakInvestigations {

    private static final int TEXT_LIMIT = 4000;

    private final JdbcClient jdbc;
    private final TracedCopies copies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeakService(JdbcClient jdbc, TracedCopies copies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.copies = copies;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void requireInvestigator(BansoUser caller) {
        requireAuditor(caller);
    }

    /** Not transactional: a refused or fruitless attempt is logged in a transaction of its own. */
    @Override
    public Optional<Trace> trace(byte[] leaked, BansoUser caller) {
        Instant now = clock.instant();
        if (!isAuditor(caller)) {
            events.publishEvent(new LeakEvents.LeakTraceAttempted(caller == null ? null : caller.id(), false, false,
                    null, null, null, now));
            throw notFound();
        }
        if (leaked == null || leaked.length == 0 || new String(leaked, java.nio.charset.StandardCharsets.UTF_8)
                .isBlank()) {
            throw BansoException.invalid("file", "Upload the leaked file or paste the leaked text.");
        }
        Optional<TracedCopies.TraceResult> result = copies.trace(leaked);
        events.publishEvent(new LeakEvents.LeakTraceAttempted(caller.id(), true, result.isPresent(),
                result.map(TracedCopies.TraceResult::fingerprint).orElse(null),
                result.map(TracedCopies.TraceResult::item).orElse(null),
                result.map(TracedCopies.TraceResult::recipient).orElse(null), now));
        return result.map(r -> new Trace(r.item(), r.recipient(), r.downloadedAt(), r.fingerprint()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Penalty> penalties(BansoUser caller) {
        if (!isAuditor(caller) && !isAdmin(caller)) {
            throw notFound();
        }
        return jdbc.sql("select * from information_leak_penalty order by position").query(LeakService::penalty)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReportSummary> reports(BansoUser caller) {
        requireAuditor(caller);
        return jdbc.sql("""
                        select r.*, (select count(*) from information_leak_investigation i where i.report_id = r.id)
                               as investigations, d.penalty_code
                        from information_leak_report r left join information_leak_decision d on d.report_id = r.id
                        order by r.reported_at desc, r.id limit 500""")
                .query((rs, n) -> new ReportSummary(rs.getObject("id", UUID.class), itemId(rs, "item_id"),
                        rs.getString("description"), new UserId(rs.getObject("reported_by", UUID.class)),
                        rs.getTimestamp("reported_at").toInstant(), rs.getInt("investigations"),
                        rs.getString("penalty_code")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Report report(UUID id, BansoUser caller) {
        requireAuditor(caller);
        return load(id);
    }

    @Override
    @Transactional
    public Report reportLeak(NewReport report, BansoUser caller) {
        requireAuditor(caller);
        String description = text("description", report.description(), true);
        if (report.itemId() != null && jdbc.sql("select count(*) from information_item where id = ?")
                .param(report.itemId().value()).query(Long.class).single() == 0) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded("itemId", "leak.unknownItem", "No item has this id.")));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into information_leak_report (id, item_id, description, reported_by, reported_at)
                        values (?, ?, ?, ?, ?)""")
                .params(id, report.itemId() == null ? null : report.itemId().value(), description,
                        caller.id().value(), Timestamp.from(now))
                .update();
        events.publishEvent(new LeakEvents.LeakReported(id, report.itemId(), caller.id(), now));
        if (report.fingerprint() != null && !report.fingerprint().isBlank()) {
            return investigate(id, new Investigation(report.fingerprint(), null, ""), caller);
        }
        return load(id);
    }

    @Override
    @Transactional
    public Report investigate(UUID reportId, Investigation investigation, BansoUser caller) {
        requireAuditor(caller);
        lockReport(reportId);
        String note = text("note", investigation.note(), false);
        String fingerprint = investigation.fingerprint() == null ? "" : investigation.fingerprint().strip();
        Optional<TracedCopies.TraceResult> result;
        if (!fingerprint.isEmpty()) {
            if (!fingerprint.matches("[0-9a-f]{16}")) {
                throw BansoException.invalid("fingerprint", "A fingerprint is 16 hexadecimal digits.");
            }
            result = copies.find(fingerprint);
        } else if (investigation.leaked() != null && investigation.leaked().length > 0) {
            result = copies.trace(investigation.leaked());
        } else {
            throw BansoException.invalid("fingerprint", "Give a fingerprint or the leaked file or text.");
        }
        TracedCopies.TraceResult found = result.orElseThrow(() -> new BansoException(ProblemCode.VALIDATION_FAILED,
                "No traced copy matches.", List.of(FieldError.coded("fingerprint", "leak.unknownFingerprint",
                "No traced copy carries this fingerprint."))));
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into information_leak_investigation (id, report_id, fingerprint, note, investigated_by,
                                                                    investigated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), reportId, found.fingerprint(), note, caller.id().value(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new LeakEvents.LeakInvestigated(reportId, found.fingerprint(), found.item(),
                found.recipient(), caller.id(), now));
        return load(reportId);
    }

    @Override
    @Transactional(readOnly = true)
    public void checkDecision(UUID reportId, Decision decision, BansoUser caller) {
        requireAuditor(caller);
        check(load(reportId), decision);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ItemId, String> itemTitles(Collection<ItemId> items, BansoUser caller) {
        requireAuditor(caller);
        List<UUID> ids = items.stream().filter(Objects::nonNull).map(ItemId::value).distinct().toList();
        Map<ItemId, String> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, title from information_item where id = any(?)")
                    .param(ids.toArray(UUID[]::new))
                    .query((rs, n) -> titles.put(new ItemId(rs.getObject("id", UUID.class)), rs.getString("title")))
                    .list();
        }
        return titles;
    }

    @Override
    @Transactional
    public Report decide(UUID reportId, Decision decision, BansoUser caller) {
        requireAuditor(caller);
        lockReport(reportId);
        Report report = load(reportId);
        Checked checked = check(report, decision);
        Penalty p = checked.penalty();
        UserId subject = checked.subject();
        String rationale = checked.rationale();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into information_leak_decision (report_id, penalty_code, penalty_revision, subject,
                                                               amount_yen, term_months, rationale, decided_by,
                                                               decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reportId, p.code(), p.revision(), subject == null ? null : subject.value(),
                        decision.amountYen(), decision.termMonths(), rationale, caller.id().value(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(new LeakEvents.LeakPenaltyDecided(reportId, p.code(), p.revision(), subject,
                decision.amountYen(), decision.termMonths(), caller.id(), now));
        return load(reportId);
    }

    @Override
    @Transactional
    public Penalty changePenalty(String code, PenaltyChange change, BansoUser caller) {
        if (!isAdmin(caller)) {
            throw notFound();
        }
        Penalty current = jdbc.sql("select * from information_leak_penalty where code = ? for update").param(code)
                .query(LeakService::penalty).optional().orElseThrow(() -> BansoException.notFound("The penalty"));
        List<FieldError> errors = new ArrayList<>();
        String nameJa = required(errors, "nameJa", change.nameJa(), 200);
        String nameEn = required(errors, "nameEn", change.nameEn(), 200);
        String source = required(errors, "source", change.source(), 2000);
        if ((change.maxAmountYen() == null) != (current.maxAmountYen() == null)) {
            errors.add(FieldError.coded("maxAmountYen", "leak.sameKind",
                    "The kind of maximum of a penalty cannot change."));
        } else if (change.maxAmountYen() != null && change.maxAmountYen() <= 0) {
            errors.add(FieldError.coded("maxAmountYen", "leak.positive", "Must be positive."));
        }
        if ((change.maxTermMonths() == null) != (current.maxTermMonths() == null)) {
            errors.add(FieldError.coded("maxTermMonths", "leak.sameKind",
                    "The kind of maximum of a penalty cannot change."));
        } else if (change.maxTermMonths() != null && change.maxTermMonths() <= 0) {
            errors.add(FieldError.coded("maxTermMonths", "leak.positive", "Must be positive."));
        }
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The penalty is not valid.", errors);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update information_leak_penalty set name_ja = ?, name_en = ?, max_amount_yen = ?,
                               max_term_months = ?, source = ?, updated_at = ?
                        where code = ?""")
                .params(nameJa, nameEn, change.maxAmountYen(), change.maxTermMonths(), source, Timestamp.from(now),
                        code)
                .update();
        Penalty changed = jdbc.sql("select * from information_leak_penalty where code = ?").param(code)
                .query(LeakService::penalty).single();
        events.publishEvent(new LeakEvents.LeakPenaltyChanged(code, changed.revision(), changed.maxAmountYen(),
                changed.maxTermMonths(), caller.id(), now));
        return changed;
    }

    /** The penalty, the person it falls on and the rationale of a decision that may be taken; else the refusal. */
    private Checked check(Report report, Decision decision) {
        if (report.decision() != null) {
            throw new BansoException(ProblemCode.CONFLICT, "A penalty has already been decided for this report.");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = decision.penalty() == null ? "" : decision.penalty().strip();
        Optional<Penalty> penalty = jdbc.sql("select * from information_leak_penalty where code = ?").param(code)
                .query(LeakService::penalty).optional();
        String rationale = decision.rationale() == null ? "" : decision.rationale().strip();
        if (rationale.isEmpty()) {
            errors.add(FieldError.coded("rationale", "leak.required", "The rationale is required."));
        } else if (rationale.length() > TEXT_LIMIT) {
            errors.add(FieldError.coded("rationale", "leak.tooLong", "At most 4000 characters.", TEXT_LIMIT));
        }
        UserId subject = decision.subject();
        if (penalty.isEmpty()) {
            errors.add(FieldError.coded("penalty", "leak.unknownPenalty", "Choose a penalty from the table."));
        } else {
            Penalty p = penalty.get();
            checkQuantity(errors, "amountYen", decision.amountYen(), p.maxAmountYen());
            checkQuantity(errors, "termMonths", decision.termMonths() == null ? null
                    : decision.termMonths().longValue(), p.maxTermMonths() == null ? null
                    : p.maxTermMonths().longValue());
            if (p.appliesTo() == PenaltySubject.PERSON) {
                if (subject == null && !report.investigations().isEmpty()) {
                    subject = report.investigations().get(report.investigations().size() - 1).recipient();
                }
                if (subject == null) {
                    errors.add(FieldError.coded("subject", "leak.subjectRequired",
                            "A penalty on a person needs the person: attach a trace result first."));
                }
            } else {
                subject = null;
            }
        }
        if (!errors.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The decision is not valid.", errors);
        }
        return new Checked(penalty.get(), subject, rationale);
    }

    private record Checked(Penalty penalty, UserId subject, String rationale) {
    }

    private static String required(List<FieldError> errors, String field, String value, int limit) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            errors.add(FieldError.coded(field, "leak.required", "Required."));
        } else if (stripped.length() > limit) {
            errors.add(FieldError.coded(field, "leak.tooLong", "At most " + limit + " characters.", limit));
        }
        return stripped;
    }

    /** A quantity is required when the penalty has a maximum of that kind, forbidden otherwise, and within it. */
    private static void checkQuantity(List<FieldError> errors, String field, Long value, Long maximum) {
        if (maximum == null) {
            if (value != null) {
                errors.add(FieldError.coded(field, "leak.notApplicable", "Not applicable to this penalty."));
            }
        } else if (value == null) {
            errors.add(FieldError.coded(field, "leak.required", "Required for this penalty."));
        } else if (value <= 0) {
            errors.add(FieldError.coded(field, "leak.positive", "Must be positive."));
        } else if (value > maximum) {
            errors.add(FieldError.coded(field, "leak.overMaximum", "At most " + maximum + ".", maximum));
        }
    }

    private void lockReport(UUID id) {
        jdbc.sql("select id from information_leak_report where id = ? for update").param(id).query(UUID.class)
                .optional().orElseThrow(() -> BansoException.notFound("The leak report"));
    }

    private Report load(UUID id) {
        Report bare = jdbc.sql("select * from information_leak_report where id = ?").param(id)
                .query((rs, n) -> new Report(id, itemId(rs, "item_id"), rs.getString("description"),
                        new UserId(rs.getObject("reported_by", UUID.class)), rs.getTimestamp("reported_at")
                        .toInstant(), List.of(), null))
                .optional().orElseThrow(() -> BansoException.notFound("The leak report"));
        List<InvestigationView> investigations = jdbc.sql("""
                        select i.*, c.item_id, c.recipient, c.issued_at
                        from information_leak_investigation i
                        join information_trace_copy c on c.fingerprint = i.fingerprint
                        where i.report_id = ? order by i.investigated_at, i.id""")
                .param(id)
                .query((rs, n) -> new InvestigationView(rs.getObject("id", UUID.class),
                        rs.getString("fingerprint"), itemId(rs, "item_id"),
                        new UserId(rs.getObject("recipient", UUID.class)), rs.getTimestamp("issued_at").toInstant(),
                        rs.getString("note"), new UserId(rs.getObject("investigated_by", UUID.class)),
                        rs.getTimestamp("investigated_at").toInstant()))
                .list();
        DecisionView decision = jdbc.sql("select * from information_leak_decision where report_id = ?").param(id)
                .query((rs, n) -> new DecisionView(rs.getString("penalty_code"), rs.getInt("penalty_revision"),
                        rs.getObject("subject", UUID.class) == null ? null
                                : new UserId(rs.getObject("subject", UUID.class)),
                        (Long) rs.getObject("amount_yen"), (Integer) rs.getObject("term_months"),
                        rs.getString("rationale"), new UserId(rs.getObject("decided_by", UUID.class)),
                        rs.getTimestamp("decided_at").toInstant()))
                .optional().orElse(null);
        return new Report(bare.id(), bare.itemId(), bare.description(), bare.reportedBy(), bare.reportedAt(),
                investigations, decision);
    }

    private static Penalty penalty(ResultSet rs, int n) throws SQLException {
        return new Penalty(rs.getString("code"), PenaltySubject.valueOf(rs.getString("applies_to")), rs.getString("name_ja"),
                rs.getString("name_en"), (Long) rs.getObject("max_amount_yen"),
                (Integer) rs.getObject("max_term_months"), rs.getString("source"), rs.getInt("revision"));
    }

    private static ItemId itemId(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : new ItemId(value);
    }

    private static String text(String field, String value, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded(field, "leak.required", "Required.")));
        }
        if (stripped.length() > TEXT_LIMIT) {
            throw new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.",
                    List.of(FieldError.coded(field, "leak.tooLong", "At most 4000 characters.", TEXT_LIMIT)));
        }
        return stripped;
    }

    static boolean isAdmin(BansoUser caller) {
        return caller != null && caller.hasRole(Role.ADMIN);
    }

    static boolean isAuditor(BansoUser caller) {
        return caller != null && caller.hasRole(Role.AUDITOR);
    }

    /** Outsiders are not told that leak investigations exist (404, as API.md prescribes for the role). */
    static void requireAuditor(BansoUser caller) {
        if (!isAuditor(caller)) {
            throw notFound();
        }
    }

    private static BansoException notFound() {
        return BansoException.notFound("The resource");
    }
}
