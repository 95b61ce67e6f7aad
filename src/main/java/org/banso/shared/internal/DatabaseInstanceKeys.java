package org.banso.shared.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import org.banso.shared.InstanceKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link InstanceKeys} in {@code shared_instance_key}. The fingerprint is a SHA-256 over a fixed label, the key's name,
 * version and material: it tells two keys apart without saying anything about either. A transaction-scoped advisory
 * lock per key name makes two nodes starting at once agree: the second finds the first's record and must hold it.
 */
@Component
class DatabaseInstanceKeys implements InstanceKeys {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInstanceKeys.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KeysProperties keys;
    private final ClusterProperties cluster;
    private final Clock clock;

    DatabaseInstanceKeys(JdbcClient jdbc, PlatformTransactionManager transactions, KeysProperties keys,
                         ClusterProperties cluster, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.keys = keys;
        this.cluster = cluster;
        this.clock = clock;
    }

    @Override
    public void ensure(String name, Supplier<Map<String, byte[]>> held, Runnable create) {
        transaction.executeWithoutResult(status -> {
            lock(name);
            Map<String, String> recorded = recorded(name);
            Map<String, byte[]> holding = held.get();
            if (recorded.isEmpty() && holding.isEmpty()) {
                if (!keys.mayCreate()) {
                    throw new IllegalStateException("Key '" + name + "' exists neither in this node's key store ("
                            + keys.directory().toAbsolutePath() + ") nor in the database's records, and "
                            + "banso.keys.may-create=false: mount the instance's key store, or let exactly one node "
                            + "create the keys (banso.keys.may-create=true) on its first start.");
                }
                create.run();
                holding = held.get();
                log.info("Created the instance's key '{}' (this node may create keys)", name);
            }
            for (Map.Entry<String, String> record : recorded.entrySet()) {
                byte[] material = holding.get(record.getKey());
                if (material == null) {
                    throw new IllegalStateException("This node's key store (" + keys.directory().toAbsolutePath()
                            + ") lacks version '" + record.getKey() + "' of the instance's key '" + name
                            + "', which the database records: every node must mount the instance's one key store "
                            + "(see README, Deployment). Refusing to start rather than using keys of its own.");
                }
                if (!record.getValue().equals(fingerprint(name, record.getKey(), material))) {
                    throw new IllegalStateException("Version '" + record.getKey() + "' of key '" + name
                            + "' in this node's key store (" + keys.directory().toAbsolutePath() + ") is not the "
                            + "instance's (its fingerprint differs from the database's record): every node must "
                            + "mount the instance's one key store. Refusing to start.");
                }
            }
            for (Map.Entry<String, byte[]> version : holding.entrySet()) {
                if (!recorded.containsKey(version.getKey())) {
                    insert(name, version.getKey(), version.getValue());
                }
            }
        });
    }

    @Override
    public void record(String name, String version, byte[] material) {
        transaction.executeWithoutResult(status -> {
            lock(name);
            String known = recorded(name).get(version);
            if (known == null) {
                insert(name, version, material);
            } else if (!known.equals(fingerprint(name, version, material))) {
                throw new IllegalStateException("Another node recorded a different version '" + version + "' of key '"
                        + name + "': the nodes do not share one key store");
            }
        });
    }

    private void lock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("banso-instance-key:" + name)
                .query((rs, n) -> 0).list();
    }

    private Map<String, String> recorded(String name) {
        Map<String, String> recorded = new HashMap<>();
        jdbc.sql("select version, fingerprint from shared_instance_key where name = ?").param(name)
                .query(rs -> {
                    recorded.put(rs.getString(1), rs.getString(2));
                });
        return recorded;
    }

    private void insert(String name, String version, byte[] material) {
        jdbc.sql("""
                        insert into shared_instance_key (name, version, fingerprint, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?)""")
                .params(name, version, fingerprint(name, version, material), Timestamp.from(clock.instant()),
                        cluster.node().length() > 200 ? cluster.node().substring(0, 200) : cluster.node())
                .update();
    }

    static String fingerprint(String name, String version, byte[] material) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("banso instance key\0" + name + "\0" + version + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(material));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
