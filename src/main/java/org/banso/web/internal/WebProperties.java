package org.banso.web.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work one node takes on at once (issue #13: overload is refused quickly, never queued into time-outs).
 *
 * @param maxConcurrentRequests requests served at once; more get {@code 503} with {@code Retry-After} at once. 0 means
 *                              eight per processor
 * @param reservedForSignIn     further requests reserved for signing in and for the health probe, so that a person can
 *                              still sign in while the node refuses everything else
 * @param retryAfter            what {@code Retry-After} tells a refused client
 */
@ConfigurationProperties("banso.web")
record WebProperties(
        @DefaultValue("0") int maxConcurrentRequests,
        @DefaultValue("4") int reservedForSignIn,
        @DefaultValue("1s") Duration retryAfter) {

    WebProperties {
        if (maxConcurrentRequests < 0 || reservedForSignIn < 0) {
            throw new IllegalArgumentException("banso.web.max-concurrent-requests and reserved-for-sign-in must not "
                    + "be negative");
        }
    }

    int effectiveMaxConcurrentRequests() {
        return maxConcurrentRequests > 0 ? maxConcurrentRequests
                : Math.max(8, 8 * Runtime.getRuntime().availableProcessors());
    }
}
