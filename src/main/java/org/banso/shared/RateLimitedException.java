package org.banso.shared;

import java.time.Duration;

/**
 * Too many attempts from this caller: {@code 429 rate-limited} with a {@code Retry-After} header saying when to try
 * again (whole seconds, at least one).
 */
public class RateLimitedException extends BansoException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ProblemCode.RATE_LIMITED, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The value of the {@code Retry-After} header: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
