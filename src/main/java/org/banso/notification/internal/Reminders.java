package org.banso.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banso.council.CouncilWorklist;
import org.banso.council.CouncilWorklist.ProposalFacts;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserView;
import org.banso.notification.NotificationKind;
import org.banso.thinktank.Commissions;
import org.banso.web.DateFormats;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders from the injected clock: before a proposal's response deadline (by default 3 days and 1 day before) to
 * the representatives whose participant has not answered the current revision (silence is never consent, R14), and
 * once when an action item, a material request or a deliverable is past its due day. One scheduled method,
 * idempotent (every reminder has its key: the same run twice, or on two nodes, reminds once), its state in the
 * database, so that a cluster lock can wrap it.
 */
@Component
class Reminders {

    private final CouncilWorklist council;
    private final Commissions commissions;
    private final IdentityManagement identity;
    private final Notifying notifying;
    private final NotificationProperties properties;
    private final Clock clock;

    Reminders(CouncilWorklist council, Commissions commissions, IdentityManagement identity, Notifying notifying,
              NotificationProperties properties, Clock clock) {
        this.council = council;
        this.commissions = commissions;
        this.identity = identity;
        this.notifying = notifying;
        this.properties = properties;
        this.clock = clock;
    }

    /** A due day ends at midnight in Japan: that instant is the deadline people are shown. */
    static Instant endOf(LocalDate due) {
        return due == null ? null : due.plusDays(1).atStartOfDay(DateFormats.JAPAN).toInstant();
    }

    /**
     * The scheduled run, on one node of a cluster at a time (#19). The lock sits on this void entry point, not on
     * {@link #remind()}: ShedLock's method proxy answers a skipped call with null, which an {@code int} cannot be.
     */
    @Scheduled(fixedDelayString = "${banso.notification.reminder-interval:5m}", initialDelayString = "30s")
    @SchedulerLock(name = "notification-reminders", lockAtMostFor = "10m")
    void scheduled() {
        remind();
    }

    /** Answers how many reminders this run made. */
    public int remind() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DateFormats.JAPAN);
        int made = 0;
        List<Duration> leads = properties.reminderLeadTimes().stream().sorted().toList();
        if (!leads.isEmpty()) {
            Duration longest = leads.get(leads.size() - 1);
            for (ProposalFacts proposal : council.proposalsDueBetween(now, now.plus(longest))) {
                // the shortest lead whose window has begun: one reminder per window, not one per lead at once
                Duration lead = leads.stream().filter(l -> !now.isBefore(proposal.responseDeadline().minus(l)))
                        .min(Comparator.naturalOrder()).orElseThrow();
                for (var representative : proposal.awaitingRepresentatives()) {
                    made += notifying.notify(new Note(NotificationKind.PROPOSAL_REMINDER, representative,
                            proposal.councilId(), proposal.id().value(), "/proposals/" + proposal.id().value(),
                            proposal.responseDeadline(), "reminder:" + proposal.id().value() + ":r"
                            + proposal.revision() + ":" + lead + ":" + representative.value(), null))
                            .isPresent() ? 1 : 0;
                }
            }
        }
        for (var task : council.overdueTasks(today)) {
            for (var assignee : task.assignees()) {
                made += notifying.notify(new Note(NotificationKind.TASK_OVERDUE, assignee, task.councilId(),
                        task.id().value(), CouncilNotifications.followUpPath(task.councilId()), endOf(task.dueDate()),
                        CouncilNotifications.key("task-overdue", task.id().value(), assignee), null))
                        .isPresent() ? 1 : 0;
            }
        }
        for (var request : council.overdueMaterialRequests(today)) {
            for (var addressee : request.addressees()) {
                made += notifying.notify(new Note(NotificationKind.MATERIAL_REQUEST_OVERDUE, addressee,
                        request.councilId(), request.id().value(),
                        CouncilNotifications.followUpPath(request.councilId()), endOf(request.dueDate()),
                        CouncilNotifications.key("materials-overdue", request.id().value(), addressee), null))
                        .isPresent() ? 1 : 0;
            }
        }
        for (var deliverable : commissions.overdueDeliverables(today)) {
            for (UserView analyst : identity.usersOf(deliverable.entityOrganizationId())) {
                made += notifying.notify(new Note(NotificationKind.DELIVERABLE_OVERDUE, analyst.id(), null,
                        deliverable.deliverableId(), "/thinktank/entities", endOf(deliverable.dueOn()),
                        CouncilNotifications.key("deliverable-overdue", deliverable.deliverableId(), analyst.id()),
                        null)).isPresent() ? 1 : 0;
            }
        }
        return made;
    }
}
