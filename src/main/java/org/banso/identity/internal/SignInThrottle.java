package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sign-in throttling that no stranger can turn against an account. Three limits, each a Bucket4j token bucket or a
 * back-off counter:
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
 * Every node of a cluster counts the same attempts (#19): the buckets live in PostgreSQL through Bucket4j's
 * select-for-update proxy manager ({@code identity_sign_in_bucket}), the back-off and trust per username and source in
 * {@code identity_sign_in_pair}; every key is a SHA-256 digest. The proxy manager takes a pooled connection of its own
 * for each operation, so this class must be called while the caller holds none — outside any transaction (the sign-in
 * filter, the token endpoint and the password change all call it before theirs); it refuses to run inside one rather
 * than let a request hold two pooled connections (#13). A refusal is answered at once with how long to wait (no
 * blocking consumption); the row lock a bucket operation takes is held for one short transaction, and a database
 * failure refuses the attempt for a second rather than letting it through uncounted. Overload itself is refused
 * before any of this by the node's admission limit ({@code 503} + {@code Retry-After}). Bucket4j's own request
 * time-out is not used: it counts the wait for a pooled connection too, and refused legitimate sign-ins on a small,
 * busy pool (PoolOfTwoConnectionsTest) that the pool's own time-out would have served.
 * Time comes from the application clock, as the rest of the identity module's.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final String SOURCE = "source:";
    private static final String ACCOUNT = "account:";
    private static final String PAIR = "pair:";
    private static final String PUBLIC_POST = "public-post:";
    private static final Duration BUSY = Duration.ofSeconds(1);
    private static final int PRUNE_BATCH = 1_000;

    private final IdentityProperties.Throttle limits;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perSource;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perPublicPost;

    SignInThrottle(IdentityProperties properties, DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.limits = properties.throttle();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("identity_sign_in_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a full bucket's row says nothing a new one would not: it may go once refilled
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .clientClock(new ApplicationClock(clock))
                .build();
        this.perSource = bucket(limits.sourceFailures(), limits.sourceWindow());
        this.perAccount = bucket(limits.accountFailures(), limits.accountWindow());
        this.perPublicPost = bucket(limits.publicPostsPerSource(), limits.publicPostWindow());
    }

    /** One username and source's back-off and trust, as far as a check needs it. */
    private record Pair(int failures, Instant lastFailure, Instant trustedAt) {
    }

    /**
     * Whether an attempt to sign in as {@code usernameKey} from {@code source} may be checked at all; if not, how long
     * the caller should wait. Asking costs nothing: only failures are counted.
     */
    Optional<Duration> refusal(String usernameKey, String source) {
        requireNoConnectionHeld();
        Instant now = clock.instant();
        Pair pair = pairRow(usernameKey, source);
        Duration wait = Duration.ZERO;
        if (pair != null && pair.failures() >= limits.freeFailures() && pair.lastFailure() != null) {
            Instant until = pair.lastFailure().plus(backOffFor(pair.failures()));
            if (now.isBefore(until)) {
                wait = max(wait, Duration.between(now, until));
            }
        }
        try {
            wait = max(wait, estimate(bucket(SOURCE + source, perSource)));
            boolean trusted = pair != null && pair.trustedAt() != null
                    && now.isBefore(pair.trustedAt().plus(limits.trustedFor()));
            if (!trusted) {
                wait = max(wait, estimate(bucket(ACCOUNT + usernameKey, perAccount)));
            }
        } catch (BucketExceptions.BucketExecutionException e) {
            // the database failed: refused for now rather than checked without counting
            log.warn("Sign-in throttle unavailable; attempt refused for now: {}", e.getMessage());
            wait = max(wait, BUSY);
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed sign-in against the source, the pair and the username. */
    void failed(String usernameKey, String source) {
        requireNoConnectionHeld();
        Instant now = clock.instant();
        try {
            bucket(SOURCE + source, perSource).tryConsume(1);
            bucket(ACCOUNT + usernameKey, perAccount).tryConsume(1);
        } catch (BucketExceptions.BucketExecutionException e) {
            // the attempt has failed anyway; the pair's count below still records it
            log.warn("Sign-in throttle unavailable; a failure was not counted on its buckets: {}", e.getMessage());
        }
        jdbc.sql("""
                        insert into identity_sign_in_pair (id, failures, last_failure_at, touched_at)
                        values (?, 1, ?, ?)
                        on conflict (id) do update
                           set failures = identity_sign_in_pair.failures + 1,
                               last_failure_at = excluded.last_failure_at, touched_at = excluded.touched_at""")
                .params(digest(PAIR + pair(usernameKey, source)), ts(now), ts(now)).update();
    }

    /** A successful sign-in: the pair's back-off ends and the source becomes trusted for this username. */
    void succeeded(String usernameKey, String source) {
        requireNoConnectionHeld();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into identity_sign_in_pair (id, failures, trusted_at, touched_at) values (?, 0, ?, ?)
                        on conflict (id) do update set failures = 0, last_failure_at = null,
                                                       trusted_at = excluded.trusted_at,
                                                       touched_at = excluded.touched_at""")
                .params(digest(PAIR + pair(usernameKey, source)), ts(now), ts(now)).update();
    }

    /**
     * One anonymous public action (an invitation registration) from {@code source}: empty when allowed (and counted),
     * else how long to wait.
     */
    Optional<Duration> publicPost(String source) {
        requireNoConnectionHeld();
        try {
            ConsumptionProbe probe = bucket(PUBLIC_POST + source, perPublicPost).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty()
                    : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
        } catch (BucketExceptions.BucketExecutionException e) {
            log.warn("Public-action throttle unavailable; refused for now: {}", e.getMessage());
            return Optional.of(BUSY);
        }
    }

    /** The back-off after {@code failures} consecutive failures (the free ones cost nothing). */
    Duration backOffFor(int failures) {
        int doublings = Math.min(30, failures - limits.freeFailures());
        Duration wait = limits.backOffBase().multipliedBy(1L << Math.max(0, doublings));
        return wait.compareTo(limits.backOffMax()) > 0 ? limits.backOffMax() : wait;
    }

    /**
     * Forgets buckets that are full again (Bucket4j's expiry) and pairs nobody used for longer than the longest window;
     * on one node of a cluster at a time.
     */
    @Scheduled(fixedDelayString = "${banso.identity.throttle.prune-interval:10m}", initialDelayString = "1m")
    @SchedulerLock(name = "identity-sign-in-throttle-prune", lockAtMostFor = "10m")
    void prune() {
        while (buckets.removeExpired(PRUNE_BATCH) >= PRUNE_BATCH) {
            // batch after batch: each deletes at most PRUNE_BATCH rows, skipping those in use
        }
        Duration longest = List.of(limits.trustedFor(), limits.backOffMax().plus(limits.backOffMax())).stream()
                .max(Duration::compareTo).orElseThrow();
        jdbc.sql("delete from identity_sign_in_pair where touched_at < ?")
                .param(ts(clock.instant().minus(longest))).update();
    }

    private BucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(digest(key), () -> configuration);
    }

    private static Duration estimate(BucketProxy bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private Pair pairRow(String usernameKey, String source) {
        return jdbc.sql("select failures, last_failure_at, trusted_at from identity_sign_in_pair where id = ?")
                .param(digest(PAIR + pair(usernameKey, source)))
                .query((rs, n) -> new Pair(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class))))
                .optional().orElse(null);
    }

    /**
     * The proxy manager borrows a pooled connection per operation: a caller holding one (a transaction, or any
     * connection bound to the thread) would hold two at once, which can deadlock a full pool (#13).
     */
    private void requireNoConnectionHeld() {
        if (TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("The sign-in throttle takes pooled connections of its own: call it "
                    + "outside any transaction");
        }
    }

    private static BucketConfiguration bucket(int capacity, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
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

    /** Bucket4j's time from the application clock, so that tests move the buckets' time with everything else. */
    private record ApplicationClock(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
