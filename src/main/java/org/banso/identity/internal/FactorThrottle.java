package org.banso.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute force of second-factor codes: after {@code banso.identity.max-failed-codes} consecutive wrong codes an
 * account's codes are refused for {@code banso.identity.code-lock-duration}, right or wrong. Six digits with a
 * ±1-step window give an attacker 3 chances in a million per try; five tries per quarter hour make guessing
 * hopeless. Only someone who already has the password (or the session) can reach this, so the lock costs the
 * stranger nothing they have not already stolen. Kept in the database so that every node and every session count
 * alike. Callers check outside any transaction of theirs, so each failure commits on its own and no request ever holds
 * two connections.
 */
@Component
class FactorThrottle {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    FactorThrottle(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean locked(UserId account) {
        return jdbc.sql("select count(*) from identity_factor_throttle where account_id = ? and locked_until > ?")
                .params(account.value(), Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /** Counts one more failure; answers whether the account's codes are now refused. */
    @Transactional
    boolean failed(UserId account) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                        insert into identity_factor_throttle (account_id, consecutive_failures, last_failure_at)
                        values (?, 1, ?)
                        on conflict (account_id) do update
                           set consecutive_failures = identity_factor_throttle.consecutive_failures + 1,
                               last_failure_at = excluded.last_failure_at
                        returning consecutive_failures""")
                .params(account.value(), Timestamp.from(now)).query(Integer.class).single();
        if (failures >= properties.maxFailedCodes()) {
            jdbc.sql("""
                            update identity_factor_throttle set locked_until = ?, consecutive_failures = 0
                            where account_id = ?""")
                    .params(Timestamp.from(now.plus(properties.codeLockDuration())), account.value()).update();
            return true;
        }
        return false;
    }

    @Transactional
    void succeeded(UserId account) {
        jdbc.sql("delete from identity_factor_throttle where account_id = ?").param(account.value()).update();
    }
}
