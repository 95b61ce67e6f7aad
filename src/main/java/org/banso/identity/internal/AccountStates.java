package org.banso.identity.internal;

import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current state of accounts as page sessions must follow it — enabled, roles, credentials version — read from the
 * database and kept in a bounded cache. Every change of an account forgets it at once and again when the changing
 * transaction ends (so a reader never keeps a state that was rolled back or read before the commit); the cache's
 * time to live ({@code banso.identity.account-state-cache-ttl}) is a safety net and bounds how late a change made on
 * another node is seen.
 */
@Component
class AccountStates {

    /** What a session is checked against on every request. */
    record State(BansoUser user, boolean enabled, int credentialsVersion) {

        Set<Role> roles() {
            return user.roles();
        }
    }

    private final Accounts accounts;
    private final Cache<UserId, Optional<State>> cache;

    AccountStates(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.cache = Caffeine.newBuilder().maximumSize(properties.accountStateCacheSize())
                .expireAfterWrite(properties.accountStateCacheTtl()).build();
    }

    /** The account's state now; empty when it no longer exists. */
    Optional<State> current(UserId id) {
        return cache.get(id, accounts::state);
    }

    /** Forgets an account that is being changed: now, and when the current transaction (if any) ends. */
    void changed(UserId id) {
        cache.invalidate(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(id);
                }
            });
        }
    }
}
