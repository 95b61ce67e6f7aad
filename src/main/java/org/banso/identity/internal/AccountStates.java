package org.banso.identity.internal;

import java.util.Optional;
import java.util.Set;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.ClusterCaches;
import org.banso.shared.ClusterCaches.ClusterCache;
import org.springframework.stereotype.Component;

/**
 * The current state of accounts as page sessions must follow it — enabled, roles, credentials version — read from the
 * database and kept in a bounded cluster cache: every change of an account is forgotten on every node before its next
 * request answers from it (issue #19); the time to live ({@code banso.identity.account-state-cache-ttl}) is only a
 * safety net.
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
    private final ClusterCache<UserId, Optional<State>> cache;

    AccountStates(Accounts accounts, IdentityProperties properties, ClusterCaches caches) {
        this.accounts = accounts;
        this.cache = caches.create("identity-accounts", properties.accountStateCacheSize(),
                properties.accountStateCacheTtl(), id -> id.value().toString());
    }

    /** The account's state now; empty when it no longer exists. */
    Optional<State> current(UserId id) {
        return cache.get(id, accounts::state);
    }

    /** The account changes in the current transaction: forgotten on every node. */
    void changed(UserId id) {
        cache.changed(id);
    }
}
