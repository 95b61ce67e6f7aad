package org.banso.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.banso.identity.BansoUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.search.Search;
import org.banso.support.BansoIntegrationTest;
import org.banso.technology.TechnologyRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full event executor neither blocks the publishing request nor loses the event: with one listener thread and a
 * queue of one, 36 technologies registered at once from 12 threads all commit at once (their events that find no
 * room are left to the JDBC publication registry), and the registry's resubmission makes every one of them
 * searchable shortly after.
 */
// Each resubmission round hands the executor only the two events it has room for, so the 36 events take about 18
// rounds: at one round a second that was 18 s of waiting; a round every 250 ms takes a quarter of that. A listener
// still busy when its event is handed in again is harmless: indexing is idempotent (IncompletePublications).
@BansoIntegrationTest(properties = {
        "banso.events.threads=1",
        "banso.events.queue-capacity=1",
        "banso.events.resubmit-after=250ms",
        "banso.events.resubmit-interval=250ms",
        "spring.modulith.events.staleness.resubmission=250ms",
        "spring.modulith.events.staleness.check-intervall=250ms"})
class EventExecutorSaturationTest {

    @Autowired
    TechnologyRegistry technologies;
    @Autowired
    Search search;
    @Autowired
    EventExecutor executor;

    @Test
    void aSaturatedExecutorRefusesNoRequestAndLosesNoEvent() throws Exception {
        String marker = "sat" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        BansoUser officer = new BansoUser(new UserId(UUID.randomUUID()), "officer-sat", "Officer",
                new OrganizationId(UUID.randomUUID()), Set.of(Role.PROGRAM_OFFICER));
        long refusedBefore = executor.refused();
        ExecutorService requests = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(requests.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        String code = "S" + thread + "-" + i + "-" + marker.substring(3, 9).toUpperCase();
                        technologies.register(new TechnologyRegistry.NewTechnology(code, "飽和試験 " + marker,
                                "Saturation " + marker, "A01", "executor saturation " + marker), officer);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS); // every registration commits: none waits for the listeners
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(executor.refused() - refusedBefore).as("events the full executor left to the registry")
                .isPositive();

        long deadline = System.currentTimeMillis() + 60_000;
        long found;
        do {
            Thread.sleep(250);
            found = search.search(marker, 1, officer).total();
        } while (found < 36 && System.currentTimeMillis() < deadline);
        assertThat(found).as("every registered technology is indexed after resubmission").isEqualTo(36);
    }
}
