package org.banso.shared;

import java.time.Duration;
import java.util.function.Function;

/**
 * Caches whose answers decide access (memberships and pledges, item facts, designations, account states), kept right
 * on every node of a cluster that shares one PostgreSQL (issue #19). Each cache is a domain with a version counter in
 * the database, bumped by every transaction that changes an entry, just before it commits. The changing node forgets
 * the entry at once; the other nodes forget it when PostgreSQL's {@code NOTIFY} (sent on commit) reaches them; and —
 * whether or not a notification came — every request compares the domain versions with the ones this node has applied
 * (one query per request) and forgets the whole domain when it is behind. So no node answers from an entry that a
 * transaction committed before the request began has changed.
 */
public interface ClusterCaches {

    /**
     * A new cache.
     *
     * @param domain      names the cache cluster-wide (lower-case letters, digits and '-'); one cache per domain
     * @param maximumSize entries kept at most
     * @param timeToLive  a safety net only: every change is forgotten at once on every node
     * @param keyText     the key as text, as notifications carry it (no tab or line break)
     */
    <K, V> ClusterCache<K, V> create(String domain, long maximumSize, Duration timeToLive, Function<K, String> keyText);

    /** One cache of a cluster. */
    interface ClusterCache<K, V> {

        /**
         * The entry, loaded when absent or possibly stale. A {@code null} answer of the loader is not kept. Inside a
         * transaction that changed the key (or the whole cache) the loader is always asked, so uncommitted state is
         * never kept for others.
         */
        V get(K key, Function<K, V> loader);

        /** The key changes in the current transaction (or now, outside one): forgotten on every node. */
        void changed(K key);

        /** Forgets the entry on this node only: it is over by a rule of its own (a time has passed), not by a change. */
        void forgetHere(K key);

        /** Many keys change in the current transaction (or now): the whole cache is forgotten on every node. */
        void changedAll();
    }
}
