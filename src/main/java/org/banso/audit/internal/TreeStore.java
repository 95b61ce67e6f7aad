package org.banso.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.banso.audit.AuditEntry;
import org.banso.audit.EntryFilter;
import org.banso.audit.LogVerifier.CompletedNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The log's tables: leaves, complete subtree hashes, checkpoints. Appends use array inserts (one round trip). */
@Component
class TreeStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TreeStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record Pending(long id, byte[] leaf, String kind, UUID actor, UUID council, UUID item, Instant at) {
    }

    record StoredCheckpoint(long size, byte[] root, String note, String keyId, Instant signedAt) {
    }

    long size() {
        return jdbc.sql("select coalesce(max(idx) + 1, 0) from audit_leaf").query(Long.class).single();
    }

    List<Pending> pending(int limit) {
        return jdbc.sql("""
                        select id, leaf, kind, actor, council, item, at from audit_pending
                        order by id limit ? for update skip locked""")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    long pendingCount() {
        return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
    }

    /** Appends leaves {@code firstIndex…} with their hashes and removes them from the outbox, in one go each. */
    void append(long firstIndex, List<Pending> batch, List<byte[]> leafHashes, List<CompletedNode> nodes, Instant now) {
        int n = batch.size();
        Long[] idx = new Long[n];
        byte[][] leaves = new byte[n][];
        String[] kinds = new String[n];
        String[] actors = new String[n];
        String[] councils = new String[n];
        String[] items = new String[n];
        String[] ats = new String[n];
        Long[] pendingIds = new Long[n];
        for (int i = 0; i < n; i++) {
            Pending p = batch.get(i);
            idx[i] = firstIndex + i;
            leaves[i] = p.leaf();
            kinds[i] = p.kind();
            actors[i] = text(p.actor());
            councils[i] = text(p.council());
            items[i] = text(p.item());
            ats[i] = p.at().toString();
            pendingIds[i] = p.id();
        }
        byte[][] hashes = leafHashes.toArray(new byte[0][]);
        template.execute((Connection c) -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into audit_leaf (idx, leaf, leaf_hash, kind, actor, council, item, at, sequenced_at)
                    select i, l, h, k, a::uuid, co::uuid, it::uuid, t::timestamptz, ?
                    from unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[]) as u(i, l, h, k, a, co, it, t)""")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(2, c.createArrayOf("bigint", idx));
                insert.setArray(3, c.createArrayOf("bytea", leaves));
                insert.setArray(4, c.createArrayOf("bytea", hashes));
                insert.setArray(5, c.createArrayOf("text", kinds));
                insert.setArray(6, c.createArrayOf("text", actors));
                insert.setArray(7, c.createArrayOf("text", councils));
                insert.setArray(8, c.createArrayOf("text", items));
                insert.setArray(9, c.createArrayOf("text", ats));
                insert.executeUpdate();
            }
            insertNodes(c, nodes);
            if (batch.stream().anyMatch(p -> p.id() >= 0)) { // negative ids: the benchmark's bulk path, no outbox
                try (PreparedStatement delete = c.prepareStatement("delete from audit_pending where id = any(?)")) {
                    delete.setArray(1, c.createArrayOf("bigint", pendingIds));
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void insertNodes(Connection c, List<CompletedNode> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        Short[] levels = new Short[nodes.size()];
        Long[] idx = new Long[nodes.size()];
        byte[][] hashes = new byte[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = (short) nodes.get(i).level();
            idx[i] = nodes.get(i).index();
            hashes[i] = nodes.get(i).hash();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into audit_node (level, idx, hash)
                select * from unnest(?::smallint[], ?::bigint[], ?::bytea[])""")) {
            insert.setArray(1, c.createArrayOf("smallint", levels));
            insert.setArray(2, c.createArrayOf("bigint", idx));
            insert.setArray(3, c.createArrayOf("bytea", hashes));
            insert.executeUpdate();
        }
    }

    void insertCheckpoint(long size, byte[] root, String note, String keyId, Instant now) {
        jdbc.sql("insert into audit_checkpoint (tree_size, root, note, key_id, signed_at) values (?, ?, ?, ?, ?)")
                .params(size, root, note, keyId, Timestamp.from(now)).update();
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("""
                        select tree_size, root, note, key_id, signed_at from audit_checkpoint
                        order by tree_size desc, id desc limit 1""")
                .query(TreeStore::checkpoint).optional();
    }

    boolean isCheckpointed(long size) {
        return jdbc.sql("select exists (select 1 from audit_checkpoint where tree_size = ?)").param(size)
                .query(Boolean.class).single();
    }

    List<StoredCheckpoint> checkpoints() {
        return jdbc.sql("select tree_size, root, note, key_id, signed_at from audit_checkpoint order by tree_size, id")
                .query(TreeStore::checkpoint).list();
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int n) throws SQLException {
        return new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    /**
     * The hashes of the given complete subtrees, in one query. Level 0 is the leaf hash.
     *
     * @param wanted pairs {level, index}
     */
    Map<Long, byte[]> nodes(List<long[]> wanted) {
        Map<Long, byte[]> found = new HashMap<>();
        List<Long> leafIdx = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<Long> idx = new ArrayList<>();
        for (long[] w : wanted) {
            if (w[0] == 0) {
                leafIdx.add(w[1]);
            } else {
                levels.add((short) w[0]);
                idx.add(w[1]);
            }
        }
        template.execute((Connection c) -> {
            if (!leafIdx.isEmpty()) {
                try (PreparedStatement select = c.prepareStatement(
                        "select idx, leaf_hash from audit_leaf where idx = any(?)")) {
                    select.setArray(1, c.createArrayOf("bigint", leafIdx.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.put(key(0, rs.getLong(1)), rs.getBytes(2));
                        }
                    }
                }
            }
            if (!levels.isEmpty()) {
                try (PreparedStatement select = c.prepareStatement("""
                        select n.level, n.idx, n.hash from audit_node n
                        join unnest(?::smallint[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx""")) {
                    select.setArray(1, c.createArrayOf("smallint", levels.toArray()));
                    select.setArray(2, c.createArrayOf("bigint", idx.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                        }
                    }
                }
            }
            return null;
        });
        return found;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    List<AuditEntry> entries(long from, long to) {
        return jdbc.sql("""
                        select idx, leaf, kind, at, actor, council, item from audit_leaf
                        where idx >= ? and idx < ? order by idx""")
                .params(from, to).query(TreeStore::entry).list();
    }

    Optional<AuditEntry> entry(long index) {
        return jdbc.sql("select idx, leaf, kind, at, actor, council, item from audit_leaf where idx = ?")
                .param(index).query(TreeStore::entry).optional();
    }

    List<AuditEntry> search(EntryFilter f) {
        StringBuilder sql = new StringBuilder(
                "select idx, leaf, kind, at, actor, council, item from audit_leaf where true");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null) {
            sql.append(" and actor = ?");
            params.add(f.actor());
        }
        if (f.council() != null) {
            sql.append(" and council = ?");
            params.add(f.council());
        }
        if (f.item() != null) {
            sql.append(" and item = ?");
            params.add(f.item());
        }
        if (f.kind() != null) {
            sql.append(" and kind = ?");
            params.add(f.kind());
        }
        if (f.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.before() != null) {
            sql.append(" and idx < ?");
            params.add(f.before());
        }
        sql.append(" order by idx desc limit ?");
        params.add(f.limit());
        return jdbc.sql(sql.toString()).params(params).query(TreeStore::entry).list();
    }

    List<String> kinds() {
        return jdbc.sql("select distinct kind from audit_leaf order by kind").query(String.class).list();
    }

    /** Streams leaves in index order, in chunks, for full verification. */
    void forEachLeaf(Consumer<StoredLeaf> consumer) {
        long next = 0;
        while (true) {
            List<StoredLeaf> chunk = jdbc.sql("""
                            select idx, leaf, leaf_hash from audit_leaf where idx >= ? order by idx limit 20000""")
                    .param(next)
                    .query((rs, n) -> new StoredLeaf(rs.getLong(1), rs.getBytes(2), rs.getBytes(3))).list();
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(consumer);
            next = chunk.get(chunk.size() - 1).index() + 1;
        }
    }

    record StoredLeaf(long index, byte[] leaf, byte[] leafHash) {
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class));
    }
}
