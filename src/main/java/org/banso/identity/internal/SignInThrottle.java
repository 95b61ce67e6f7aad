package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling that no stranger can turn against an account. Three limits, each a token bucket (refilled
 * greedily, as Bucket4j's) or a back-off counter:
 * <ol>
 *     <li><b>per source</b> (IP address): at most {@code sourceFailures} failed sign-ins per {@code sourceWindow}
 *     over all usernames — a guesser is slowed whatever names they try; successes cost nothing, so many people
 *     behind one proxy are not throttled for signing in;</li>
 *     <li><b>per username and source</b>: after {@code freeFailures} failures the pair backs off, doubling from
 *     {@code backOffBase} up to {@code backOffMax}; a success resets it — the owner typing a wrong password a few
 *     times is not locked out, and a stranger hammering the name only slows themself;</li>
 *     <li><b>per username</b>, over all sources: beyond {@code accountFailures} per {@code accountWindow} the name is
 *     under a distributed attack, and then only sources that signed in to it successfully within
 *     {@code trustedFor} may still try it — so its owner, from where they usually work, still gets in.</li>
 * </ol>
 * Usernames are keyed as typed (lower case), existing or not, so the answers never tell whether an account exists.
 * <p>
 * The counts live in PostgreSQL ({@code identity_sign_in_throttle}), so that every node of a cluster counts the same
 * attempts (#19): with counts per node, N nodes behind a round-robin balancer gave an attacker N times every limit.
 * Each check is one statement, each count one statement per key, on the caller's connection when it has a
 * transaction, else on one borrowed for that statement alone — a request never holds two pooled connections for it.
 * Time comes from the application clock, as the rest of the identity module's.
 */
@Component
class SignInThrottle {

    private static final String SOURCE = "source:";
    private static final String ACCOUNT = "account:";
    private static final String PAIR = "pair:";
    private static final String TRUSTED = "trusted:";
    private static final String PUBLIC_POST = "public-post:";

    private final IdentityProperties.Throttle limits;
    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(IdentityProperties properties, JdbcClient jdbc, Clock clock) {
        this.limits = properties.throttle();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What taking a token came to. */
    private record Taken(boolean consumed, double tokens) {
    }

    /** One key's row, as far as a check needs it. */
    private record Row(Double tokens, Instant refilledAt, Integer failures, Instant lastFailure, Instant trustedAt) {
    }

    /**
     * Whether an attempt to sign in as {@code usernameKey} from {@code source} may be checked at all; if not, how long
     * the caller should wait. Asking costs nothing: only failures are counted.
     */
    Optional<Duration> refusal(String usernameKey, String source) {
        Instant now = clock.instant();
        String sourceKey = digest(SOURCE + source);
        String pairKey = digest(PAIR + pair(usernameKey, source));
        String accountKey = digest(ACCOUNT + usernameKey);
        String trustedKey = digest(TRUSTED + pair(usernameKey, source));
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("""
                        select key, tokens, refilled_at, failures, last_failure_at, trusted_at
                        from identity_sign_in_throttle where key in (?, ?, ?, ?)""")
                .params(sourceKey, pairKey, accountKey, trustedKey)
                .query((rs, n) -> rows.put(rs.getString(1).strip(), new Row(
                        rs.getObject(2) == null ? null : rs.getDouble(2),
                        instant(rs.getObject(3, OffsetDateTime.class)),
                        rs.getObject(4) == null ? null : rs.getInt(4), instant(rs.getObject(5, OffsetDateTime.class)),
                        instant(rs.getObject(6, OffsetDateTime.class)))))
                .list();
        Duration wait = Duration.ZERO;
        wait = max(wait, bucketWait(rows.get(sourceKey), limits.sourceFailures(), limits.sourceWindow(), now));
        Row backOff = rows.get(pairKey);
        if (backOff != null && backOff.failures() != null && backOff.failures() >= limits.freeFailures()) {
            Instant until = backOff.lastFailure().plus(backOffFor(backOff.failures()));
            if (now.isBefore(until)) {
                wait = max(wait, Duration.between(now, until));
            }
        }
        Row trusted = rows.get(trustedKey);
        boolean isTrusted = trusted != null && trusted.trustedAt() != null
                && now.isBefore(trusted.trustedAt().plus(limits.trustedFor()));
        if (!isTrusted) {
            wait = max(wait, bucketWait(rows.get(accountKey), limits.accountFailures(), limits.accountWindow(), now));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed sign-in against the source, the pair and the username. */
    void failed(String usernameKey, String source) {
        Instant now = clock.instant();
        consume(digest(SOURCE + source), limits.sourceFailures(), limits.sourceWindow(), now);
        consume(digest(ACCOUNT + usernameKey), limits.accountFailures(), limits.accountWindow(), now);
        jdbc.sql("""
                        insert into identity_sign_in_throttle (key, failures, last_failure_at, touched_at)
                        values (?, 1, ?, ?)
                        on conflict (key) do update
                           set failures = coalesce(identity_sign_in_throttle.failures, 0) + 1,
                               last_failure_at = excluded.last_failure_at, touched_at = excluded.touched_at""")
                .params(digest(PAIR + pair(usernameKey, source)), ts(now), ts(now)).update();
    }

    /** A successful sign-in: the pair's back-off ends and the source becomes trusted for this username. */
    void succeeded(String usernameKey, String source) {
        Instant now = clock.instant();
        jdbc.sql("delete from identity_sign_in_throttle where key = ?")
                .param(digest(PAIR + pair(usernameKey, source))).update();
        jdbc.sql("""
                        insert into identity_sign_in_throttle (key, trusted_at, touched_at) values (?, ?, ?)
                        on conflict (key) do update set trusted_at = excluded.trusted_at,
                                                        touched_at = excluded.touched_at""")
                .params(digest(TRUSTED + pair(usernameKey, source)), ts(now), ts(now)).update();
    }

    /**
     * One anonymous public action (an invitation registration) from {@code source}: empty when allowed (and counted),
     * else how long to wait.
     */
    Optional<Duration> publicPost(String source) {
        Instant now = clock.instant();
        Taken taken = consume(digest(PUBLIC_POST + source), limits.publicPostsPerSource(),
                limits.publicPostWindow(), now);
        return taken.consumed() ? Optional.empty()
                : Optional.of(nanosFor(1 - taken.tokens(), limits.publicPostsPerSource(), limits.publicPostWindow()));
    }

    /** The back-off after {@code failures} consecutive failures (the free ones cost nothing). */
    Duration backOffFor(int failures) {
        int doublings = Math.min(30, failures - limits.freeFailures());
        Duration wait = limits.backOffBase().multipliedBy(1L << Math.max(0, doublings));
        return wait.compareTo(limits.backOffMax()) > 0 ? limits.backOffMax() : wait;
    }

    /** Forgets keys nobody used for longer than the longest window; on one node of a cluster at a time. */
    @Scheduled(fixedDelayString = "${banso.identity.throttle.prune-interval:10m}", initialDelayString = "1m")
    @SchedulerLock(name = "identity-sign-in-throttle-prune", lockAtMostFor = "10m")
    void prune() {
        Duration longest = List.of(limits.sourceWindow(), limits.accountWindow(), limits.trustedFor(),
                        limits.publicPostWindow(), limits.backOffMax().plus(limits.backOffMax())).stream()
                .max(Duration::compareTo).orElseThrow();
        jdbc.sql("delete from identity_sign_in_throttle where touched_at < ?")
                .param(ts(clock.instant().minus(longest))).update();
    }

    /**
     * Takes one token from a key's bucket if it holds one, in one statement (so two nodes never both take the last);
     * answers whether it took one, and the tokens left.
     */
    private Taken consume(String key, int capacity, Duration window, Instant now) {
        // refilled = min(capacity, tokens + elapsed × rate); elapsed never negative (the clocks of nodes may differ)
        String refilled = "least(:capacity, identity_sign_in_throttle.tokens + greatest(0, extract(epoch from "
                + "(excluded.refilled_at - identity_sign_in_throttle.refilled_at))) * :rate)";
        return jdbc.sql("""
                        insert into identity_sign_in_throttle (key, tokens, refilled_at, last_consumed, touched_at)
                        values (:key, :capacity - 1, :now, true, :now)
                        on conflict (key) do update
                           set tokens = case when identity_sign_in_throttle.tokens is null then :capacity - 1
                                             when %1$s >= 1 then %1$s - 1 else %1$s end,
                               last_consumed = identity_sign_in_throttle.tokens is null or %1$s >= 1,
                               refilled_at = excluded.refilled_at, touched_at = excluded.touched_at
                        returning last_consumed, tokens""".formatted(refilled))
                .param("key", key).param("capacity", (double) capacity)
                .param("rate", capacity / (window.toNanos() / 1e9)).param("now", ts(now))
                .query((rs, n) -> new Taken(rs.getBoolean(1), rs.getDouble(2))).single();
    }

    private static Duration bucketWait(Row row, int capacity, Duration window, Instant now) {
        if (row == null || row.tokens() == null) {
            return Duration.ZERO;
        }
        double elapsed = Math.max(0, Duration.between(row.refilledAt(), now).toNanos() / 1e9);
        double tokens = Math.min(capacity, row.tokens() + elapsed * capacity / (window.toNanos() / 1e9));
        return tokens >= 1 ? Duration.ZERO : nanosFor(1 - tokens, capacity, window);
    }

    /** How long the bucket takes to refill {@code missing} tokens. */
    private static Duration nanosFor(double missing, int capacity, Duration window) {
        return Duration.ofNanos(Math.max(1, (long) Math.ceil(missing * window.toNanos() / capacity)));
    }

    private static String pair(String usernameKey, String source) {
        return usernameKey + '\u0000' + source;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
