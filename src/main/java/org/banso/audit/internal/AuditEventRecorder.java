package org.banso.audit.internal;

import java.sql.Timestamp;

import org.banso.shared.AuditedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every audited event into the outbox {@code audit_pending} in the publisher's own transaction, synchronously:
 * the row commits with the business change or vanishes with its rollback, also across a kill -9. Events published
 * outside a writable transaction (a failed sign-in, an access decision in a read-only query) are written in a
 * transaction of their own. If writing fails, the publisher's transaction fails too: nothing happens unlogged.
 */
@Component
class AuditEventRecorder {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditEventRecorder(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(AuditedEvent event) {
        AuditLeaves.Leaf leaf = AuditLeaves.of(event);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert(leaf);
        } else {
            ownTransaction.executeWithoutResult(status -> insert(leaf));
        }
    }

    private void insert(AuditLeaves.Leaf leaf) {
        jdbc.sql("insert into audit_pending (leaf, kind, actor, council, item, at) values (?, ?, ?, ?, ?, ?)")
                .params(leaf.leaf(), leaf.kind(), leaf.actor(), leaf.council(), leaf.item(), Timestamp.from(leaf.at()))
                .update();
    }
}
