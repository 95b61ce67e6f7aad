package org.banso.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded wait for a permit (issues #13 and #19): a short burst is served instead of refused, sustained overload is
 * still refused — at once beyond the bounded queue, after at most the bounded wait within it. No durations are
 * asserted: the tests arrange who holds the permits and who waits, and check who is admitted and who refused. The
 * guards ({@code get(…, SECONDS)}) only keep a broken gate from hanging the build.
 */
class AdmissionGateTest {

    /** Far longer than the tests take: a waiter here is admitted by a release, never by luck of timing. */
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aRequestArrivingInABurstWaitsForAPermitAndIsServedWhenOneIsReleased() throws Exception {
        AdmissionGate gate = new AdmissionGate(2, 1, LONG_WAIT, 4);
        Semaphore first = gate.admit(false);
        Semaphore second = gate.admit(false);
        assertThat(first).isSameAs(gate.general());
        assertThat(second).isSameAs(gate.general());

        Future<Semaphore> waiter = clients.submit(() -> gate.admit(false));
        awaitWaiting(gate, 1);
        first.release();

        assertThat(waiter.get(10, TimeUnit.SECONDS)).as("admitted with the released permit").isSameAs(gate.general());
        assertThat(gate.waiting()).isZero();
        assertThat(gate.general().availablePermits()).isZero();
    }

    @Test
    void beyondTheBoundedQueueARequestIsRefusedAtOnceWhileTheQueuedOnesAreStillServed() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 0, LONG_WAIT, 2);
        Semaphore held = gate.admit(false);
        List<Future<Semaphore>> queued = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            queued.add(clients.submit(() -> gate.admit(false)));
        }
        awaitWaiting(gate, 2);

        // the queue is full and nobody releases: this one must come back refused without waiting for a permit
        Future<Semaphore> beyond = clients.submit(() -> gate.admit(false));
        assertThat(beyond.get(10, TimeUnit.SECONDS)).as("refused at once").isNull();
        assertThat(gate.waiting()).as("the queued ones still wait").isEqualTo(2);

        held.release();
        Semaphore servedFirst = firstDone(queued);
        servedFirst.release();
        for (Future<Semaphore> waiter : queued) {
            assertThat(waiter.get(10, TimeUnit.SECONDS)).as("both queued requests are served in turn")
                    .isSameAs(gate.general());
        }
    }

    @Test
    void aQueuedRequestIsRefusedWhenNoPermitComesFreeWithinTheWait() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 0, Duration.ofMillis(20), 8);
        Semaphore held = gate.admit(false);

        assertThat(gate.admit(false)).as("sustained overload: the wait ends in a refusal").isNull();
        assertThat(gate.waiting()).as("it left the queue").isZero();
        held.release();
        assertThat(gate.admit(false)).as("served again once a permit is free").isSameAs(gate.general());
    }

    @Test
    void withoutAWaitEveryRequestBeyondThePermitsIsRefusedAtOnce() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 0, Duration.ZERO, 8);
        gate.admit(false);

        assertThat(gate.admit(false)).isNull();
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void signInTakesAReservedPermitAtOnceWhenTheGeneralShareIsTakenAndOtherRequestsCannot() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 1, Duration.ofMillis(20), 8);
        gate.admit(false);

        assertThat(gate.admit(true)).as("sign-in or health: the reserved share").isSameAs(gate.reserved());
        assertThat(gate.admit(false)).as("any other request: refused after its bounded wait").isNull();
    }

    @Test
    void underAFloodNoMoreRequestsWaitThanTheQueueHoldsAndEveryoneGetsAnAnswer() throws Exception {
        int permits = 3;
        int queue = 4;
        AdmissionGate gate = new AdmissionGate(permits, 0, LONG_WAIT, queue);
        List<Semaphore> held = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            held.add(gate.admit(false));
        }
        List<Future<Semaphore>> flood = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flood.add(clients.submit(() -> gate.admit(false)));
        }
        int refused = 0;
        awaitWaiting(gate, queue);
        // everyone beyond the queue is refused while the permits are still held
        for (Future<Semaphore> client : flood) {
            if (client.isDone()) {
                assertThat(client.get()).isNull();
                refused++;
            }
        }
        while (refused < 40 - queue) {
            refused = (int) flood.stream().filter(Future::isDone).count();
            Thread.onSpinWait();
        }
        assertThat(gate.waiting()).as("never more waiting than the queue holds").isEqualTo(queue);
        held.forEach(Semaphore::release);
        int admitted = 0;
        for (Future<Semaphore> client : flood) {
            Semaphore permit = client.get(10, TimeUnit.SECONDS);
            if (permit != null) {
                admitted++;
                permit.release();
            }
        }
        assertThat(admitted).as("the queued requests, and only they, were served").isEqualTo(queue);
        assertThat(gate.waiting()).isZero();
        assertThat(gate.general().availablePermits()).isEqualTo(permits);
    }

    @Test
    void aWaitLongerThanAnyClientCouldBearIsRefusedAtStart() {
        assertThatThrownBy(() -> new WebProperties(null, java.time.LocalDate.of(2000, 1, 1),
                java.time.LocalDate.of(2200, 12, 31), org.springframework.util.unit.DataSize.ofMegabytes(2), 0, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admission-wait");
    }

    private static void awaitWaiting(AdmissionGate gate, int count) throws InterruptedException {
        for (int i = 0; i < 10_000 && gate.waiting() < count; i++) {
            Thread.sleep(1);
        }
        assertThat(gate.waiting()).as("requests waiting for a permit").isEqualTo(count);
    }

    private static Semaphore firstDone(List<Future<Semaphore>> futures) throws Exception {
        for (int i = 0; i < 10_000; i++) {
            for (Future<Semaphore> future : futures) {
                if (future.isDone()) {
                    return future.get();
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no queued request was served after a release");
    }
}
