package org.banso.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.banso.BansoApplication;
import org.banso.audit.AuditLog;
import org.banso.audit.VerificationReport;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 5's figures, on the embedded PostgreSQL of this machine (a load benchmark, not JMH: the work is in the
 * database). Three phases:
 * <ol>
 *   <li>appends: writer threads commit business transactions that each publish audited events, for a fixed time,
 *       while the sequencer runs as in production; reports events sequenced per second and the checkpoint lag (age
 *       of the oldest event not yet under a signed checkpoint, sampled every 50 ms);</li>
 *   <li>bulk growth to the target size through the sequencer's own append path (no outbox), then inclusion-proof
 *       latency at that size over random indices;</li>
 *   <li>full verification of the whole log.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.banso.audit.internal.AuditLogBenchmark
 * -Dbench.args="--seconds=30 --writers=4 --per-tx=50 --leaves=10000000"}
 */
public final class AuditLogBenchmark {

    /** What the writers publish: shaped like a real event, with an actor and a council. */
    public record BenchmarkEventRecorded(UUID council, UUID item, UserId by, long sequence, Instant at)
            implements AuditedEvent {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int writers = intArg(args, "--writers", 4);
        int perTx = intArg(args, "--per-tx", 50);
        long targetLeaves = longArg(args, "--leaves", 10_000_000L);
        int proofs = intArg(args, "--proofs", 20_000);
        int rate = intArg(args, "--rate", 0);

        ConfigurableApplicationContext context = new SpringApplicationBuilder(BansoApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("banso.embedded-postgres.data-directory=target/bench-audit-postgres",
                        "banso.embedded-postgres.clean-on-start=true", "banso.keys.directory=target/bench-audit-keys",
                        "banso.identity.admin-password=bench-operator-secret-1", "logging.level.root=WARN",
                        "spring.main.banner-mode=off", "server.port=0")
                .run();
        try {
            appends(context, seconds, writers, perTx, rate);
            growAndProve(context, targetLeaves, proofs);
            verify(context);
        } finally {
            context.close();
        }
    }

    /** @param rate events per second offered by all writers together; 0 = as fast as they can */
    private static void appends(ConfigurableApplicationContext context, int seconds, int writers, int perTx, int rate)
            throws Exception {
        ApplicationEventPublisher events = context;
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TreeStore store = context.getBean(TreeStore.class);
        long startSize = store.size();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        UserId actor = new UserId(UUID.randomUUID());
        long offeredFrom = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                UUID council = UUID.randomUUID();
                while (running.get()) {
                    if (rate > 0 && published.get() > (System.nanoTime() - offeredFrom) / 1e9 * rate) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                        continue;
                    }
                    tx.executeWithoutResult(status -> {
                        for (int i = 0; i < perTx; i++) {
                            events.publishEvent(new BenchmarkEventRecorded(council, UUID.randomUUID(), actor,
                                    published.incrementAndGet(), Instant.now()));
                        }
                    });
                }
            });
        }
        List<Long> lagsMillis = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(50);
            // the oldest event that no signed checkpoint covers yet: pending ones, and sequenced ones above the
            // latest checkpoint (the sequencer signs a checkpoint in the same transaction as each batch)
            Instant oldest = jdbc.sql("select min(at) from audit_pending").query(Instant.class).optional()
                    .orElse(null);
            lagsMillis.add(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis()));
        }
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sequencedDuring = store.size() - startSize;
        context.getBean(Sequencer.class).sequenceNow();
        long total = store.size() - startSize;
        long[] lags = lagsMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("APPENDS rate=%s writers=%d perTx=%d seconds=%.1f published=%d sequenced-during-run=%d "
                        + "sequenced/s=%.0f published/s=%.0f checkpoint-lag-ms p50=%d p99=%d max=%d (total after drain=%d)%n",
                rate == 0 ? "unthrottled" : rate, writers, perTx, elapsed, published.get(), sequencedDuring, sequencedDuring / elapsed,
                published.get() / elapsed, percentile(lags, 50), percentile(lags, 99), lags[lags.length - 1], total);
    }

    private static void growAndProve(ConfigurableApplicationContext context, long targetLeaves, int proofs) {
        TreeStore store = context.getBean(TreeStore.class);
        Sequencer sequencer = context.getBean(Sequencer.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        byte[] leafTemplate = ("{\"at\":\"2026-11-25T00:00:00Z\",\"by\":\"" + UUID.randomUUID()
                + "\",\"kind\":\"BenchmarkEventRecorded\",\"sequence\":").getBytes();
        long started = System.nanoTime();
        long size = store.size();
        int batch = 10_000;
        long nextId = -1;
        while (size < targetLeaves) {
            int n = (int) Math.min(batch, targetLeaves - size);
            List<TreeStore.Pending> pending = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] leaf = Arrays.copyOf(leafTemplate, leafTemplate.length + 20);
                byte[] number = (Long.toString(size + i) + "}").getBytes();
                System.arraycopy(number, 0, leaf, leafTemplate.length, number.length);
                pending.add(new TreeStore.Pending(nextId--, Arrays.copyOf(leaf, leafTemplate.length + number.length),
                        "BenchmarkEventRecorded", null, null, null, Instant.parse("2026-11-25T00:00:00Z")));
            }
            long at = size;
            tx.executeWithoutResult(status -> sequencer.append(at, pending));
            size += n;
            if (size % 1_000_000 == 0) {
                System.out.printf("GROW size=%d elapsed-s=%.0f%n", size, (System.nanoTime() - started) / 1e9);
            }
        }
        double growSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("GROW size=%d seconds=%.1f bulk-appends/s=%.0f%n", size, growSeconds,
                (size) / growSeconds);

        AuditLog log = context.getBean(AuditLog.class);
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "bench", "bench", null, Set.of(Role.AUDITOR));
        SplittableRandom random = new SplittableRandom(5);
        long treeSize = size;
        for (int i = 0; i < 2_000; i++) { // warm-up
            ((AuditService) log).inclusionProof(random.nextLong(treeSize), treeSize, auditor);
        }
        long[] nanos = new long[proofs];
        for (int i = 0; i < proofs; i++) {
            long t0 = System.nanoTime();
            ((AuditService) log).inclusionProof(random.nextLong(treeSize), treeSize, auditor);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("PROOF treeSize=%d n=%d inclusion-proof-us p50=%d p95=%d p99=%d max=%d%n", treeSize, proofs,
                nanos[proofs / 2] / 1000, nanos[(int) (proofs * 0.95)] / 1000, nanos[(int) (proofs * 0.99)] / 1000,
                nanos[proofs - 1] / 1000);
    }

    private static void verify(ConfigurableApplicationContext context) {
        AuditLog log = context.getBean(AuditLog.class);
        BansoUser auditor = new BansoUser(new UserId(UUID.randomUUID()), "bench", "bench", null, Set.of(Role.AUDITOR));
        long t0 = System.nanoTime();
        VerificationReport report = log.verify(auditor);
        System.out.printf("VERIFY ok=%s treeSize=%d checkpoints=%d seconds=%.1f%n", report.ok(), report.treeSize(),
                report.checkpointsChecked(), (System.nanoTime() - t0) / 1e9);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static int intArg(String[] args, String name, int fallback) {
        return (int) longArg(args, name, fallback);
    }

    private static long longArg(String[] args, String name, long fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Long.parseLong(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
