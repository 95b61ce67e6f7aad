package org.banso.shared;

import java.time.Duration;

/**
 * Too many attempts from this caller: {@code 429 rate-limited} with a {@code Retry-After} header saying when to try
 * again (whole seconds, at least one).
 */
public class RateLimitedException extends RetryLaterException {

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ProblemCode.RATE_LIMITED, detail, retryAfter);
    }
}
