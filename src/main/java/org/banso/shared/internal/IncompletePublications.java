package org.banso.shared.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands incomplete event publications to their listeners again: at start (Spring Modulith's
 * {@code republish-outstanding-events-on-restart}, set in {@code application.properties}), and every {@code banso.events.resubmit-interval}
 * those older than {@code banso.events.resubmit-after} — a listener that failed, or an event the full executor left
 * to the registry, is retried without a restart. A resubmission that again found the executor full stays marked
 * resubmitted until Spring Modulith's staleness monitor ({@code spring.modulith.events.staleness.resubmission}) marks
 * it failed, after which it is handed in again. Listeners are idempotent, so a publication still queued when it is
 * handed in again does no harm.
 */
@Component
class IncompletePublications {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final EventProperties properties;

    IncompletePublications(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                           EventProperties properties) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${banso.events.resubmit-interval:60s}",
            fixedDelayString = "${banso.events.resubmit-interval:60s}")
    @SchedulerLock(name = "shared-event-resubmission", lockAtMostFor = "10m")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
        // the registry keeps completed publications; without this it would grow with every event ever published
        completed.deletePublicationsOlderThan(properties.keepCompleted());
    }
}
