package org.banso.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.banso.audit.LogVerifier;
import org.banso.audit.LogVerifier.CompletedNode;
import org.banso.audit.LogVerifier.Frontier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows into the tree, in index order, and signs a checkpoint — all in one transaction, so a
 * crash leaves either the rows pending or the leaves, nodes and checkpoint written. A PostgreSQL advisory lock makes
 * sure only one instance sequences at a time. The tree's right edge (<= 64 hashes) is read at the start of every
 * batch rather than trusted from memory, so another instance or a rolled-back batch can never leave it stale.
 */
@Component
public class Sequencer implements SchedulingConfigurer {

    /** "banso-audit" as a number: the advisory lock key of the sequencer. */
    private static final long LOCK_KEY = 0x62616e736f0a7564L;
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    private final TreeStore store;
    private final CheckpointSigner signer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditProperties properties;
    private final Clock clock;

    Sequencer(TreeStore store, CheckpointSigner signer, JdbcClient jdbc, PlatformTransactionManager transactions,
              AuditProperties properties, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tick, properties.sequencerInterval());
    }

    private void tick() {
        try {
            sequence(false);
        } catch (RuntimeException e) {
            log.warn("The audit sequencer failed; it retries at its next run", e);
        }
    }

    /**
     * Sequences everything pending now (batch after batch), waiting for the sequencer lock if another instance
     * holds it; answers how many entries this call appended.
     */
    public long sequenceNow() {
        return sequence(true);
    }

    private synchronized long sequence(boolean wait) {
        long total = 0;
        while (true) {
            Integer appended = transaction.execute(status -> batch(wait));
            total += appended == null ? 0 : appended;
            if (appended == null || appended < properties.batchSize()) {
                return total;
            }
        }
    }

    private int batch(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query((rs, n) -> 0).list();
        } else if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY)
                .query(Boolean.class).single())) {
            return 0;
        }
        long size = store.size();
        List<TreeStore.Pending> batch = store.pending(properties.batchSize());
        if (batch.isEmpty()) {
            if (size > 0 && !store.isCheckpointed(size)) {
                checkpoint(size, frontier(size).root(), clock.instant());
            }
            return 0;
        }
        append(size, batch);
        return batch.size();
    }

    /** Appends a batch at {@code size}: leaves, completed subtree hashes, the removal from the outbox, a checkpoint. */
    void append(long size, List<TreeStore.Pending> batch) {
        Frontier frontier = frontier(size);
        List<byte[]> leafHashes = new ArrayList<>(batch.size());
        List<CompletedNode> nodes = new ArrayList<>(batch.size());
        for (TreeStore.Pending pending : batch) {
            byte[] hash = LogVerifier.leafHash(pending.leaf());
            leafHashes.add(hash);
            nodes.addAll(frontier.append(hash));
        }
        Instant now = clock.instant();
        store.append(size, batch, leafHashes, nodes, now);
        checkpoint(frontier.size(), frontier.root(), now);
    }

    private void checkpoint(long size, byte[] root, Instant now) {
        String note = signer.sign(LogVerifier.checkpointBody(signer.verifierKey().name(), size, root));
        store.insertCheckpoint(size, root, note, signer.keyId(), now);
    }

    /** The right edge of the stored tree of {@code size} leaves, read in one query. */
    Frontier frontier(long size) {
        List<long[]> wanted = new ArrayList<>();
        Frontier.of(size, (level, index) -> {
            wanted.add(new long[] {level, index});
            return new byte[LogVerifier.HASH_LENGTH];
        });
        Map<Long, byte[]> rows = wanted.isEmpty() ? new HashMap<>() : store.nodes(wanted);
        return Frontier.of(size, (level, index) -> {
            byte[] hash = rows.get(TreeStore.key(level, index));
            if (hash == null) {
                throw new IllegalStateException("The stored tree lacks node " + level + "/" + index);
            }
            return hash;
        });
    }
}
