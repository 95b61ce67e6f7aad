package org.banso.shared;

import java.time.Duration;

/**
 * A refusal that ends by itself: the caller may try again after {@link #retryAfter()}, which the answer carries as the
 * {@code Retry-After} header (whole seconds, at least one) — too many attempts ({@code 429}, {@link RateLimitedException})
 * or a node that cannot answer this yet ({@code 503 service-unavailable}, e.g. a search index catching up).
 */
public class RetryLaterException extends BansoException {

    private final Duration retryAfter;

    public RetryLaterException(ProblemCode code, String detail, Duration retryAfter) {
        super(code, detail);
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
