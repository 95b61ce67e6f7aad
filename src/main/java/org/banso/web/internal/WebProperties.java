package org.banso.web.internal;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web edge: where people reach Banso, what input it accepts, and how much work one node takes on at
 * once (issue #13: hostile input is refused at the edge; overload is refused quickly, never queued into time-outs).
 *
 * @param publicBaseUrl          the address people reach Banso at (scheme, host, port, no trailing slash), e.g.
 *                               {@code https://banso.example.go.jp}; redirects and absolute links are built from it,
 *                               never from the request's Host header. Empty: redirects are relative
 *                               ({@code Location: /login}), which the browser resolves against the address it used
 * @param earliestDate           the earliest date any request may carry (periods, meetings, due dates, calls…)
 * @param latestDate             the latest date any request may carry
 * @param maxJsonBodySize        largest JSON request body the edge reads and checks; larger ones are refused with 413
 * @param maxConcurrentRequests  requests served at once; more wait (see below) or get {@code 503} with
 *                               {@code Retry-After}. 0 means eight per processor
 * @param reservedForSignIn      further requests reserved for signing in and for the health probe, so that a person
 *                               can still sign in while the node refuses everything else
 * @param retryAfter             what {@code Retry-After} tells a refused client
 * @param admissionWait          the longest a request waits for a permit before it is refused (issue #19: a burst of
 *                               a few hundred milliseconds is served, not refused); 0 refuses at once
 * @param admissionQueue         requests that may wait for a permit at once; a further one is refused at once. 0 means
 *                               as many as {@code maxConcurrentRequests}
 * @param warmUp                 the longest a starting node spends warming its hot paths before it reports ready
 *                               (issue #19, {@link WarmUp}); 0 reports ready without warming
 */
@ConfigurationProperties("banso.web")
record WebProperties(
        URI publicBaseUrl,
        @DefaultValue("2000-01-01") LocalDate earliestDate,
        @DefaultValue("2200-12-31") LocalDate latestDate,
        @DefaultValue("2MB") DataSize maxJsonBodySize,
        @DefaultValue("0") int maxConcurrentRequests,
        @DefaultValue("4") int reservedForSignIn,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("300ms") Duration admissionWait,
        @DefaultValue("0") int admissionQueue,
        @DefaultValue("20s") Duration warmUp) {

    /** The longest admission wait allowed: well below any client's time-out (Gatling's and browsers' are 10 s+). */
    static final Duration MAX_ADMISSION_WAIT = Duration.ofSeconds(2);

    WebProperties {
        if (publicBaseUrl != null && publicBaseUrl.toString().isBlank()) {
            publicBaseUrl = null;
        }
        if (publicBaseUrl != null) {
            String base = publicBaseUrl.toString();
            if (base.endsWith("/")) {
                publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
            }
            if (!"http".equals(publicBaseUrl.getScheme()) && !"https".equals(publicBaseUrl.getScheme())
                    || publicBaseUrl.getHost() == null || publicBaseUrl.getRawPath() != null
                    && !publicBaseUrl.getRawPath().isEmpty() || publicBaseUrl.getRawQuery() != null) {
                throw new IllegalArgumentException(
                        "banso.web.public-base-url must be an absolute http(s) URL without path, e.g. https://host");
            }
        }
        if (!earliestDate.isBefore(latestDate)) {
            throw new IllegalArgumentException("banso.web.earliest-date must be before banso.web.latest-date");
        }
        if (maxConcurrentRequests < 0 || reservedForSignIn < 0 || admissionQueue < 0) {
            throw new IllegalArgumentException("banso.web.max-concurrent-requests, reserved-for-sign-in and "
                    + "admission-queue must not be negative");
        }
        if (admissionWait.isNegative() || admissionWait.compareTo(MAX_ADMISSION_WAIT) > 0) {
            // a longer wait would turn overload into slow answers and, at the client, into time-outs
            throw new IllegalArgumentException("banso.web.admission-wait must lie between 0 and "
                    + MAX_ADMISSION_WAIT.toMillis() + " ms");
        }
        if (warmUp.isNegative() || warmUp.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("banso.web.warm-up must lie between 0 and 5 min");
        }
    }

    int effectiveMaxConcurrentRequests() {
        return maxConcurrentRequests > 0 ? maxConcurrentRequests
                : Math.max(8, 8 * Runtime.getRuntime().availableProcessors());
    }

    int effectiveAdmissionQueue() {
        return admissionQueue > 0 ? admissionQueue : effectiveMaxConcurrentRequests();
    }
}
