package org.banso.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.banso.shared.AuditedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every audited event into the outbox {@code audit_pending} in the publisher's own transaction: the rows
 * commit with the business change or vanish with its rollback, also across a kill -9. Within a transaction the
 * events are collected and written in one statement just before it commits (so a transaction that publishes many
 * events pays for one insert); should that write fail, the commit fails too — nothing happens unlogged.
 *
 * <p>No request may hold two pooled connections at once (a pool full of requests each waiting for a second one
 * deadlocks), so the recorder never opens a transaction beside the publisher's: an event published inside a
 * transaction joins it, and that transaction must be read-write — a read that decides access writes its decision
 * (R17), so it is not a read-only transaction; a read-only one is a programming error and fails loudly rather than
 * reaching for a second connection. Only an event published with no transaction at all on the thread (a failed
 * sign-in, a refused leak trace) is written in a transaction of its own, which then is the thread's only connection.
 */
@Component
class AuditEventRecorder {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate ownTransaction;

    AuditEventRecorder(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        // only used when no transaction is active on the thread, so it never runs beside another one
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @EventListener
    void on(AuditedEvent event) {
        AuditLeaves.Leaf leaf = AuditLeaves.of(event);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                throw new IllegalStateException("The audited event " + leaf.kind() + " was published in a read-only "
                        + "transaction, where its record cannot commit with it: make that transaction read-write");
            }
            // keyed by the transaction's connection: a REQUIRES_NEW transaction inside gets a buffer of its own
            BufferKey key = new BufferKey(TransactionSynchronizationManager.getResource(dataSource));
            Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(key);
            if (buffer == null) {
                buffer = new Buffer(key);
                TransactionSynchronizationManager.bindResource(key, buffer);
                TransactionSynchronizationManager.registerSynchronization(buffer);
            }
            buffer.add(leaf);
        } else {
            ownTransaction.executeWithoutResult(status -> insert(List.of(leaf)));
        }
    }

    private void insert(List<AuditLeaves.Leaf> leaves) {
        if (leaves.isEmpty()) {
            return;
        }
        int n = leaves.size();
        byte[][] bytes = new byte[n][];
        String[] kinds = new String[n];
        String[] actors = new String[n];
        String[] councils = new String[n];
        String[] items = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            AuditLeaves.Leaf leaf = leaves.get(i);
            bytes[i] = leaf.leaf();
            kinds[i] = leaf.kind();
            actors[i] = text(leaf.actor());
            councils[i] = text(leaf.council());
            items[i] = text(leaf.item());
            ats[i] = leaf.at().toString();
        }
        // unnest keeps the events in publication order: the outbox id, and so the log index, follows it
        jdbc.execute((Connection c) -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into audit_pending (leaf, kind, actor, council, item, at)
                    select l, k, a::uuid, co::uuid, it::uuid, t::timestamptz
                    from unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         with ordinality as u(l, k, a, co, it, t, n)
                    order by n""")) {
                insert.setArray(1, c.createArrayOf("bytea", bytes));
                insert.setArray(2, c.createArrayOf("text", kinds));
                insert.setArray(3, c.createArrayOf("text", actors));
                insert.setArray(4, c.createArrayOf("text", councils));
                insert.setArray(5, c.createArrayOf("text", items));
                insert.setArray(6, c.createArrayOf("text", ats));
                return insert.executeUpdate();
            }
        });
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private record BufferKey(Object connection) {
    }

    /** The events of one transaction, written just before it commits. */
    private final class Buffer implements TransactionSynchronization {

        private final BufferKey key;
        private final List<AuditLeaves.Leaf> leaves = new ArrayList<>();
        private boolean flushed;

        Buffer(BufferKey key) {
            this.key = key;
        }

        void add(AuditLeaves.Leaf leaf) {
            if (flushed) {
                // published by another before-commit step after ours ran: still inside the transaction
                insert(List.of(leaf));
            } else {
                leaves.add(leaf);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            insert(leaves);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
