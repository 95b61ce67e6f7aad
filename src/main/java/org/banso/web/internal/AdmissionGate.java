package org.banso.web.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The permits of {@link RequestAdmission} (issue #13, #19). A request takes a free permit at once; when none is free it
 * may wait for one — at most {@code maxWait}, and only while fewer than {@code maxWaiting} others are waiting — so that
 * a burst of a few hundred milliseconds (the end of a ramp, a collector pause) is served instead of refused, while
 * sustained overload is still refused quickly: the queue is short and bounded, a request beyond it is refused at once,
 * and no request waits longer than {@code maxWait} for its refusal. Sign-in and the health probe may also take one of
 * the reserved permits, at once, before they would wait.
 */
final class AdmissionGate {

    private final Semaphore general;
    private final Semaphore reserved;
    private final long maxWaitNanos;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    AdmissionGate(int generalPermits, int reservedPermits, Duration maxWait, int maxWaiting) {
        this.general = new Semaphore(generalPermits, true);
        this.reserved = new Semaphore(reservedPermits);
        this.maxWaitNanos = maxWait.toNanos();
        this.maxWaiting = maxWaiting;
    }

    /**
     * A permit for one request, or {@code null} if it is refused: none free, and either the wait queue is full or none
     * came free within the longest wait. The caller releases the permit it got.
     */
    Semaphore admit(boolean signInOrHealth) throws InterruptedException {
        if (general.tryAcquire()) {
            return general;
        }
        if (signInOrHealth && reserved.tryAcquire()) {
            return reserved;
        }
        if (maxWaitNanos <= 0 || !joinQueue()) {
            return null;
        }
        try {
            return general.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS) ? general : null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private boolean joinQueue() {
        while (true) {
            int now = waiting.get();
            if (now >= maxWaiting) {
                return false;
            }
            if (waiting.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Requests waiting for a permit now. */
    int waiting() {
        return waiting.get();
    }

    Semaphore general() {
        return general;
    }

    Semaphore reserved() {
        return reserved;
    }
}
