package org.banso.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilWorklist;
import org.banso.council.WaitingKind;
import org.banso.council.Councils;
import org.banso.funding.Calls;
import org.banso.funding.Funding;
import org.banso.funding.FundingViews.ProjectStatus;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.information.InformationWorklist;
import org.banso.notification.MyWorkView;
import org.banso.notification.MyWorkView.Panel;
import org.banso.notification.MyWorkView.WorkItem;
import org.banso.thinktank.Commissions;
import org.banso.web.DateFormats;
import org.banso.web.PersonalHome;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * "My work": what waits for the signed-in person, read through each module's public API (no SQL of other modules),
 * each entry one link from the place where it is done; and the panels of their roles. Also the header's count.
 */
@Component
class MyWork implements PersonalHome, org.banso.notification.MyWork {

    /** Designations of one's councils ending within this are listed (R16: the items change marking then). */
    static final Duration DESIGNATIONS_AHEAD = Duration.ofDays(30);
    /** Calls closing within this are listed for officials. */
    static final Duration CALLS_AHEAD = Duration.ofDays(14);
    /** Deliverables due within this are listed for analysts. */
    static final Duration DELIVERABLES_AHEAD = Duration.ofDays(30);

    private final CouncilWorklist council;
    private final Councils councils;
    private final Calls calls;
    private final Funding funding;
    private final InformationWorklist information;
    private final Commissions commissions;
    private final Clock clock;

    MyWork(CouncilWorklist council, Councils councils, Calls calls, Funding funding, InformationWorklist information,
           Commissions commissions, Clock clock) {
        this.council = council;
        this.councils = councils;
        this.calls = calls;
        this.funding = funding;
        this.information = information;
        this.commissions = commissions;
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/work";
    }

    @Override
    public int waitingCount(Authentication signedIn) {
        if (!(signedIn.getPrincipal() instanceof BansoUser person)) {
            return 0;
        }
        Instant now = clock.instant();
        return council.waitingCount(person, now) + calls.reviewsAwaiting(person, now).size();
    }

    @Override
    public MyWorkView of(BansoUser person) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DateFormats.JAPAN);
        List<WorkItem> waiting = new ArrayList<>();
        for (CouncilWorklist.Waiting w : council.waitingFor(person, now)) {
            waiting.add(new WorkItem("work.kind." + w.kind().name(), w.title(), w.councilName(),
                    w.dueAt() != null ? w.dueAt() : Reminders.endOf(w.dueDate()), w.overdue(), w.path(),
                    w.kind() != WaitingKind.MEETING));
        }
        for (Calls.ReviewWaiting r : calls.reviewsAwaiting(person, now)) {
            waiting.add(new WorkItem(r.declared() ? "work.kind.REVIEW_SCORE" : "work.kind.REVIEW_DECLARE", r.title(),
                    null, null, false, "/applications/" + r.applicationId(), true));
        }
        Map<CouncilId, String> names = null;
        for (InformationWorklist.EndingDesignation d : information.designationsEnding(person, now,
                now.plus(DESIGNATIONS_AHEAD))) {
            if (names == null) {
                names = councils.councils(person).stream()
                        .collect(Collectors.toMap(CouncilSummary::id, CouncilSummary::name, (a, b) -> a));
            }
            waiting.add(new WorkItem("work.kind.DESIGNATION_ENDING." + d.afterPeriod().name(), null,
                    names.get(d.councilId()), d.periodEnd(), false, "/designations/" + d.id().value(), false));
        }
        waiting.sort(Comparator.comparing((WorkItem w) -> !w.overdue())
                .thenComparing(WorkItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new MyWorkView(List.copyOf(waiting), panels(person, now, today));
    }

    private List<Panel> panels(BansoUser person, Instant now, LocalDate today) {
        List<Panel> panels = new ArrayList<>();
        if (person.hasRole(Role.MINISTRY_OFFICIAL) || person.hasRole(Role.FUNDING_OFFICER)
                || person.hasRole(Role.PROGRAM_OFFICER)) {
            panels.add(new Panel("work.panel.calls", calls.calls(person).stream()
                    .filter(c -> c.open() && c.closesAt().isBefore(now.plus(CALLS_AHEAD)))
                    .sorted(Comparator.comparing(Calls.CallView::closesAt))
                    .map(c -> new WorkItem("work.kind.CALL_CLOSING", c.title(), null, c.closesAt(), false,
                            "/calls/" + c.id(), false)).toList()));
            panels.add(new Panel("work.panel.councils", council.notEstablished(person).stream()
                    .map(c -> new WorkItem("work.kind.COUNCIL_NOT_ESTABLISHED", null, c.name(), null, false,
                            "/councils/" + c.id().value(), false)).toList()));
            panels.add(new Panel("work.panel.projects", quietly(() -> funding.projects(person)).stream()
                    .filter(p -> p.status() == ProjectStatus.AWARDED)
                    .map(p -> new WorkItem("work.kind.PROJECT_AWAITING_ACTIVATION." + p.councilStatus(), p.title(),
                            null, null, false, "/projects/" + p.id().value(), false)).toList()));
        }
        if (person.hasRole(Role.ANALYST)) {
            List<WorkItem> due = new ArrayList<>();
            for (Commissions.Commission c : commissions.commissions(person)) {
                for (Commissions.Deliverable d : c.deliverables()) {
                    if (!d.submitted() && d.dueOn().isBefore(today.plusDays(DELIVERABLES_AHEAD.toDays()))) {
                        due.add(new WorkItem("work.kind.DELIVERABLE_DUE", d.title(), null,
                                Reminders.endOf(d.dueOn()), d.dueOn().isBefore(today), "/thinktank/entities", false));
                    }
                }
            }
            due.sort(Comparator.comparing(WorkItem::dueAt));
            panels.add(new Panel("work.panel.deliverables", due));
        }
        if (person.hasRole(Role.AUDITOR)) {
            panels.add(new Panel("work.panel.leaks", information.openLeakCases(person).stream()
                    .map(l -> new WorkItem("work.kind.LEAK_OPEN", null, null, l.reportedAt(), false,
                            "/leaks/" + l.reportId(), false)).toList()));
        }
        return panels;
    }

    /** A panel a role may not read (the module refuses) is empty rather than an error on the home page. */
    private static <T> List<T> quietly(java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (org.banso.shared.BansoException refused) {
            return List.of();
        }
    }
}
