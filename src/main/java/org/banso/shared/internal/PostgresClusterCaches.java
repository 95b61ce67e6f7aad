package org.banso.shared.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import org.banso.shared.ClusterCaches;
import org.banso.shared.ClusterSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link ClusterCaches} on PostgreSQL: a version row per domain ({@code shared_cache_version}) bumped just before a
 * changing transaction commits, {@code NOTIFY banso_cache} with the changed keys (delivered on commit, in commit order),
 * and a listener thread on a connection of its own — never one of the request pool, so no request needs two pooled
 * connections — that forgets the named keys. A notification whose version does not follow the last applied one means
 * one was missed: the whole domain is forgotten. Before a request's first cache read the domain versions are read in
 * one query; a domain behind them is forgotten whole, so a lost connection or a late notification never serves a stale
 * answer. Entries carry the version of the last whole-domain forgetting before their load started; an older one is
 * never answered (a load that raced with the forgetting).
 */
@Component
class PostgresClusterCaches implements ClusterCaches, ClusterSignals, SmartLifecycle, DisposableBean {

    static final String CHANNEL = "banso_cache";
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]{1,60}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_]{1,60}");
    private static final String ALL = "*";
    /** NOTIFY payloads must stay below 8000 bytes; beyond this the whole domain is named. */
    private static final int MAX_PAYLOAD = 7000;
    private static final String VERSIONS_ATTRIBUTE = PostgresClusterCaches.class.getName() + ".versions";
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterCaches.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ClusterProperties properties;
    private final Map<String, Domain<?, ?>> domains = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection listening;

    PostgresClusterCaches(JdbcClient jdbc, DataSource dataSource, ClusterProperties properties) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public <K, V> ClusterCache<K, V> create(String domain, long maximumSize, Duration timeToLive,
                                            Function<K, String> keyText) {
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("A cache domain must match " + DOMAIN.pattern());
        }
        Domain<K, V> created = new Domain<>(domain, Caffeine.newBuilder().maximumSize(maximumSize)
                .expireAfterWrite(timeToLive).build(), keyText);
        if (domains.putIfAbsent(domain, created) != null) {
            throw new IllegalStateException("Cache domain " + domain + " exists already");
        }
        return created;
    }

    @Override
    public String node() {
        return properties.node();
    }

    @Override
    public void subscribe(String channel, Runnable onSignal) {
        if (!CHANNEL_NAME.matcher(channel).matches() || CHANNEL.equals(channel)) {
            throw new IllegalArgumentException("A channel must match " + CHANNEL_NAME.pattern());
        }
        if (subscribers.putIfAbsent(channel, new Subscriber(channel, onSignal)) != null) {
            throw new IllegalStateException("Channel " + channel + " has a subscriber already");
        }
    }

    /** Runs a subscriber on a daemon thread of its own, folding signals that arrive meanwhile into one more run. */
    private static final class Subscriber {

        private final java.util.concurrent.Semaphore pending = new java.util.concurrent.Semaphore(0);
        private final Thread thread;

        Subscriber(String channel, Runnable onSignal) {
            thread = new Thread(() -> {
                while (true) {
                    try {
                        pending.acquire();
                        pending.drainPermits();
                        onSignal.run();
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        log.warn("A subscriber of {} failed", channel, e);
                    }
                }
            }, "banso-signal-" + channel);
            thread.setDaemon(true);
            thread.start();
        }

        void signal() {
            pending.release();
        }

        void end() {
            thread.interrupt();
        }
    }

    /** The versions committed now (memoised for the current request: one query per request). */
    private Map<String, Long> committedVersions() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            @SuppressWarnings("unchecked")
            Map<String, Long> known = (Map<String, Long>) request.getAttribute(VERSIONS_ATTRIBUTE,
                    RequestAttributes.SCOPE_REQUEST);
            if (known != null) {
                return known;
            }
        }
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("select domain, version from shared_cache_version")
                .query(rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        if (request != null) {
            request.setAttribute(VERSIONS_ATTRIBUTE, versions, RequestAttributes.SCOPE_REQUEST);
        }
        return versions;
    }

    private void notified(String payload) {
        String[] parts = payload.split("\t", 3);
        if (parts.length < 3) {
            return;
        }
        Domain<?, ?> domain = domains.get(parts[0]);
        if (domain == null) {
            return;
        }
        long version;
        try {
            version = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return;
        }
        domain.notified(version, parts[2]);
    }

    // --- the listener -------------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "banso-cache-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        closeQuietly(listening);
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.listenTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        subscribers.values().forEach(Subscriber::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                    for (String channel : subscribers.keySet()) {
                        statement.execute("listen " + channel);
                    }
                }
                // signals sent while nobody listened are lost: every subscriber looks once
                subscribers.values().forEach(Subscriber::signal);
                // notifications sent while no connection listened are lost: every domain is checked again
                domains.values().forEach(Domain::forgetAll);
                PGConnection pg = connection.unwrap(PGConnection.class);
                int timeout = (int) properties.listenTimeout().toMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(timeout);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (CHANNEL.equals(notification.getName())) {
                                notified(notification.getParameter());
                            } else {
                                Subscriber subscriber = subscribers.get(notification.getName());
                                if (subscriber != null) {
                                    subscriber.signal();
                                }
                            }
                        }
                    } else if (!connection.isValid(2)) {
                        break;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The cache listener lost its connection ({}); the version check on read keeps answers "
                            + "right meanwhile; reconnecting", e.getMessage());
                    pause();
                }
            } finally {
                listening = null;
            }
        }
    }

    /** A connection of its own, outside the request pool, with the pool's address and credentials. */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties credentials = new Properties();
        if (pool.getUsername() != null) {
            credentials.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            credentials.setProperty("password", pool.getPassword());
        }
        credentials.setProperty("ApplicationName", "banso cache listener");
        credentials.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), credentials);
    }

    private void pause() {
        try {
            Thread.sleep(properties.listenTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the cache listener's connection failed", e);
            }
        }
    }

    // --- one domain ---------------------------------------------------------------------------------------------

    private record Tagged<V>(V value, long floor) {
    }

    private final class Domain<K, V> implements ClusterCache<K, V> {

        private final String name;
        private final Cache<String, Tagged<V>> cache;
        private final Function<K, String> keyText;
        private final Object dirtyKey = new Object();
        /** The newest version whose change this node has applied. */
        private volatile long applied;
        /** The version of the last whole-domain forgetting: entries loaded before it are never answered. */
        private volatile long floor;

        Domain(String name, Cache<String, Tagged<V>> cache, Function<K, String> keyText) {
            this.name = name;
            this.cache = cache;
            this.keyText = keyText;
        }

        @Override
        public V get(K key, Function<K, V> loader) {
            String text = keyText.apply(key);
            if (dirtyInThisTransaction(text)) {
                return loader.apply(key);
            }
            catchUp(committedVersions().getOrDefault(name, 0L));
            Tagged<V> tagged = cache.get(text, k -> load(key, loader));
            if (tagged != null && tagged.floor() < floor) {
                cache.asMap().remove(text, tagged);
                tagged = cache.get(text, k -> load(key, loader));
            }
            return tagged == null ? null : tagged.value();
        }

        private Tagged<V> load(K key, Function<K, V> loader) {
            long before = floor;
            V value = loader.apply(key);
            return value == null ? null : new Tagged<>(value, before);
        }

        private void catchUp(long committed) {
            if (committed > applied) {
                catchUpLocked(committed);
            }
        }

        private synchronized void catchUpLocked(long committed) {
            if (committed > applied) {
                floor = committed;
                applied = committed;
                cache.invalidateAll();
            }
        }

        synchronized void notified(long version, String keys) {
            if (version <= applied) {
                // caught up already by a whole-domain forgetting at this version or later
                forget(keys);
            } else if (version == applied + 1 && !ALL.equals(keys)) {
                forget(keys);
                applied = version;
            } else {
                floor = version;
                applied = version;
                cache.invalidateAll();
            }
        }

        private void forget(String keys) {
            if (ALL.equals(keys)) {
                floor = Math.max(floor, applied);
                cache.invalidateAll();
                return;
            }
            for (String key : keys.split("\n")) {
                cache.invalidate(key);
            }
        }

        synchronized void forgetAll() {
            floor = Math.max(floor, applied);
            cache.invalidateAll();
        }

        @Override
        public void changed(K key) {
            changedKeys(Set.of(keyText.apply(key)));
        }

        @Override
        public void forgetHere(K key) {
            cache.invalidate(keyText.apply(key));
        }

        @Override
        public void changedAll() {
            changedKeys(Set.of(ALL));
        }

        private void changedKeys(Set<String> keys) {
            keys.forEach(this::forgetLocally);
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                long version = publish(keys);
                keys.forEach(this::forgetLocally);
                ownChangeCommitted(version, keys.contains(ALL));
                return;
            }
            @SuppressWarnings("unchecked")
            Set<String> dirty = (Set<String>) TransactionSynchronizationManager.getResource(dirtyKey);
            if (dirty == null) {
                Set<String> fresh = new LinkedHashSet<>();
                TransactionSynchronizationManager.bindResource(dirtyKey, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    private long version;

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        version = publish(fresh);
                    }

                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(dirtyKey);
                        fresh.forEach(Domain.this::forgetLocally);
                        if (status == STATUS_COMMITTED) {
                            ownChangeCommitted(version, fresh.contains(ALL));
                        }
                    }
                });
                dirty = fresh;
            }
            dirty.addAll(keys);
        }

        /**
         * This node's own change committed at {@code version}, its keys forgotten here already: when it directly
         * follows the applied version, it is applied (otherwise a change of another node is still on its way).
         */
        private synchronized void ownChangeCommitted(long version, boolean all) {
            if (all) {
                // a load that began before the commit must not be answered
                floor = Math.max(floor, version);
                cache.invalidateAll();
            }
            if (version == applied + 1) {
                applied = version;
            }
        }

        private void forgetLocally(String key) {
            if (ALL.equals(key)) {
                cache.invalidateAll();
            } else {
                cache.invalidate(key);
            }
        }

        private boolean dirtyInThisTransaction(String key) {
            Object dirty = TransactionSynchronizationManager.getResource(dirtyKey);
            return dirty instanceof Set<?> set && (set.contains(key) || set.contains(ALL));
        }

        /** Bumps the version and notifies every node; in the changing transaction, just before it commits. */
        private long publish(Collection<String> keys) {
            long version = jdbc.sql("""
                            insert into shared_cache_version (domain, version) values (?, 1)
                            on conflict (domain) do update set version = shared_cache_version.version + 1
                            returning version""")
                    .param(name).query(Long.class).single();
            String listed = keys.contains(ALL) ? ALL : String.join("\n", keys);
            if (listed.length() > MAX_PAYLOAD) {
                listed = ALL;
            }
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, name + "\t" + version + "\t" + listed)
                    .query((rs, n) -> 0).list();
            return version;
        }
    }
}
