package org.banso.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling that no stranger can turn against an account. Three limits, each a Bucket4j token bucket or a
 * back-off counter kept in memory (bounded, least recently used forgotten first):
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
 * Time comes from the application clock. State is per node; with several nodes each enforces its own limits.
 */
@Component
class SignInThrottle {

    private final IdentityProperties.Throttle limits;
    private final TimeMeter time;
    private final Clock clock;
    private final Cache<String, Bucket> sources;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> publicPosts;
    private final Cache<String, BackOff> pairs;
    private final Cache<String, Instant> trusted;

    SignInThrottle(IdentityProperties properties, Clock clock) {
        this.limits = properties.throttle();
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.sources = cache(limits.sourceWindow());
        this.accounts = cache(limits.accountWindow());
        this.publicPosts = cache(limits.publicPostWindow());
        this.pairs = cache(limits.backOffMax().plus(limits.backOffMax()));
        this.trusted = Caffeine.newBuilder().maximumSize(limits.maxTrackedKeys())
                .expireAfterWrite(limits.trustedFor()).build();
    }

    /** Consecutive failures of one username from one source, and when the last one was. */
    private record BackOff(int failures, Instant last) {
    }

    /**
     * Whether an attempt to sign in as {@code usernameKey} from {@code source} may be checked at all; if not, how long
     * the caller should wait. Asking costs nothing: only failures are counted.
     */
    Optional<Duration> refusal(String usernameKey, String source) {
        Duration wait = Duration.ZERO;
        Bucket perSource = sources.get(source, k -> bucket(limits.sourceFailures(), limits.sourceWindow()));
        var sourceProbe = perSource.estimateAbilityToConsume(1);
        if (!sourceProbe.canBeConsumed()) {
            wait = max(wait, Duration.ofNanos(sourceProbe.getNanosToWaitForRefill()));
        }
        BackOff backOff = pairs.getIfPresent(pair(usernameKey, source));
        if (backOff != null && backOff.failures() >= limits.freeFailures()) {
            Instant until = backOff.last().plus(backOffFor(backOff.failures()));
            Instant now = clock.instant();
            if (now.isBefore(until)) {
                wait = max(wait, Duration.between(now, until));
            }
        }
        Bucket perAccount = accounts.getIfPresent(usernameKey);
        if (perAccount != null && trusted.getIfPresent(pair(usernameKey, source)) == null) {
            var accountProbe = perAccount.estimateAbilityToConsume(1);
            if (!accountProbe.canBeConsumed()) {
                wait = max(wait, Duration.ofNanos(accountProbe.getNanosToWaitForRefill()));
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed sign-in against the source, the pair and the username. */
    void failed(String usernameKey, String source) {
        sources.get(source, k -> bucket(limits.sourceFailures(), limits.sourceWindow())).tryConsume(1);
        accounts.get(usernameKey, k -> bucket(limits.accountFailures(), limits.accountWindow())).tryConsume(1);
        Instant now = clock.instant();
        pairs.asMap().merge(pair(usernameKey, source), new BackOff(1, now),
                (old, one) -> new BackOff(old.failures() + 1, now));
    }

    /** A successful sign-in: the pair's back-off ends and the source becomes trusted for this username. */
    void succeeded(String usernameKey, String source) {
        pairs.invalidate(pair(usernameKey, source));
        trusted.put(pair(usernameKey, source), clock.instant());
    }

    /**
     * One anonymous public action (an invitation registration) from {@code source}: empty when allowed (and counted),
     * else how long to wait.
     */
    Optional<Duration> publicPost(String source) {
        var probe = publicPosts.get(source, k -> bucket(limits.publicPostsPerSource(), limits.publicPostWindow()))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The back-off after {@code failures} consecutive failures (the free ones cost nothing). */
    Duration backOffFor(int failures) {
        int doublings = Math.min(30, failures - limits.freeFailures());
        Duration wait = limits.backOffBase().multipliedBy(1L << Math.max(0, doublings));
        return wait.compareTo(limits.backOffMax()) > 0 ? limits.backOffMax() : wait;
    }

    private Bucket bucket(int capacity, Duration window) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .withCustomTimePrecision(time).build();
    }

    private <V> Cache<String, V> cache(Duration idle) {
        return Caffeine.newBuilder().maximumSize(limits.maxTrackedKeys()).expireAfterAccess(idle).build();
    }

    private static String pair(String usernameKey, String source) {
        return usernameKey + '\u0000' + source;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
