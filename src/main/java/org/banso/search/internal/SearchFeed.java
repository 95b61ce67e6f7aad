package org.banso.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banso.council.CouncilId;
import org.banso.council.MeetingId;
import org.banso.council.ProposalId;
import org.banso.information.ItemId;
import org.banso.shared.ClusterSignals;
import org.banso.shared.ProblemCode;
import org.banso.shared.RetryLaterException;
import org.banso.search.internal.SearchService.IndexWrite;
import org.banso.technology.TechnologyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current with what every node changed (issue #19). Inside each business transaction,
 * {@link SearchChangeLog} leaves a row in {@code search_change} (so a change and its row commit together, or neither);
 * every node applies the rows of the other nodes (its own are indexed by {@link SearchIndexListener}) — woken by a
 * PostgreSQL notification, every {@code banso.search.feed-interval} in any case, and before it answers a search.
 * <p>
 * Commit order is not sequence order: a transaction that took a lower id may commit after one with a higher id, and a
 * reader following ids would skip it for good. So rows are taken in the order of their writing transaction's id, and
 * only those below the oldest transaction still running anywhere ({@code pg_snapshot_xmin}): every such transaction
 * has ended, so no row can appear below that horizon any more. The position reached is committed with the index
 * (Lucene commit data), so a restarted node goes on where its index is; a long-running transaction delays what other
 * nodes see of later changes, never loses one.
 */
@Component
class SearchFeed {

    static final String CHANNEL = "banso_search";
    /** Rows applied before a search is answered; a node further behind answers 503 until it has caught up. */
    private static final int CATCH_UP_ROWS = 2_000;
    /**
     * The longest a search a few rows behind waits for other applies — their read of the same rows, the short hold of
     * the index's write lock — before it is refused with 503. Bounded, and well under a client's time-out.
     */
    static final Duration SEARCH_WAITS_AT_MOST = Duration.ofMillis(1_500);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int BATCH = 500;
    private static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

    private final JdbcClient jdbc;
    private final SearchEngine engine;
    private final SearchService search;
    private final String node;
    private final Clock clock;
    private final SearchProperties properties;
    /** One write to the index at a time: short (documents already read), except for a rebuild of a stale index. */
    private final ReentrantLock writing = new ReentrantLock();
    /** One background apply at a time (see {@link #applyQuietly()}). */
    private final ReentrantLock background = new ReentrantLock();
    private final AtomicBoolean applyRequested = new AtomicBoolean();
    /** The reads of rows under way, so that concurrent applies read a row's document once. */
    private final Map<Position, CompletableFuture<IndexWrite>> reading = new ConcurrentHashMap<>();
    /** Applies running past their first batch, and rebuilds of a stale index by the feed. */
    private final AtomicInteger longApplies = new AtomicInteger();
    /**
     * Rebuilds of the whole index under way on this node (an administrator's reindex, the command line, an empty
     * index at start).
     */
    private final AtomicInteger rebuilding = new AtomicInteger();

    SearchFeed(JdbcClient jdbc, SearchEngine engine, SearchService search, ClusterSignals signals, Clock clock,
               SearchProperties properties) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.search = search;
        this.node = signals.node();
        this.clock = clock;
        this.properties = properties;
        signals.subscribe(CHANNEL, this::applyQuietly);
    }

    /** The position no row can appear below any more: the oldest transaction still running. */
    String horizon() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single() + ":0";
    }

    /**
     * The background apply: every {@code banso.search.feed-interval} and at each notification from another node. One
     * runs at a time; a notification arriving meanwhile makes the running one go round again rather than wait.
     */
    @Scheduled(fixedDelayString = "${banso.search.feed-interval:1s}")
    void applyQuietly() {
        applyRequested.set(true);
        while (applyRequested.get() && background.tryLock()) {
            try {
                while (applyRequested.getAndSet(false)) {
                    apply(Integer.MAX_VALUE);
                }
            } catch (RuntimeException e) {
                log.warn("Applying the search change feed failed; it retries at its next run", e);
            } finally {
                background.unlock();
            }
        }
    }

    /**
     * Before a search: what other nodes changed is applied first. A node that is catching up (a long apply is under
     * way) or is far behind refuses at once with {@code 503} and {@code Retry-After} — never a search left waiting for
     * the catch-up. A node with nothing to apply answers at once, searching while the feed applies (Lucene's
     * near-real-time searchers are made for that); a few rows behind, the search applies them itself: it reads them
     * (or joins a read of the same rows already under way) and waits at most {@link #SEARCH_WAITS_AT_MOST} to write
     * them, a wait that only an index write or a rebuild holds.
     */
    void catchUp() {
        if (catchingUp()) {
            throw unavailable();
        }
        int behind = rowsBehind(CATCH_UP_ROWS + 1);
        if (behind == 0) {
            return;
        }
        if (behind > CATCH_UP_ROWS) {
            throw unavailable();
        }
        if (!apply(CATCH_UP_ROWS, System.nanoTime() + SEARCH_WAITS_AT_MOST.toNanos())) {
            throw unavailable();
        }
    }

    /**
     * Whether this node is applying a long stretch of the feed or rebuilding its index now (searches are refused
     * meanwhile, and the node is not ready).
     */
    boolean catchingUp() {
        return longApplies.get() > 0 || rebuilding.get() > 0;
    }

    /** A rebuild of the whole index begins on this node; every call is followed by {@link #rebuildEnded()}. */
    void rebuildStarted() {
        rebuilding.incrementAndGet();
    }

    void rebuildEnded() {
        rebuilding.decrementAndGet();
    }

    private static RetryLaterException unavailable() {
        return new RetryLaterException(ProblemCode.SERVICE_UNAVAILABLE,
                "This node's search index is catching up with the other nodes' changes; try again shortly.",
                RETRY_AFTER);
    }

    /**
     * How many of the other nodes' changes this node's index has yet to apply, counting at most {@code atMost} (one
     * bounded index scan); an index older than the kept feed, which must be rebuilt, counts as {@code atMost}.
     */
    int rowsBehind(int atMost) {
        String cursor = engine.feedCursor().orElse(null);
        if (cursor == null) {
            return 0;
        }
        if (olderThanKeptFeed(cursor)) {
            return atMost;
        }
        return jdbc.sql("""
                        select count(*) from (
                            select 1 from search_change
                            where (xid, id) > (?::xid8, ?) and xid < pg_snapshot_xmin(pg_current_snapshot())
                              and node <> ?
                            limit ?) behind""")
                .params(cursorXid(cursor), cursorId(cursor), node, atMost).query(Integer.class).single();
    }

    /** Whether this node's index is close enough to the feed to answer searches (see {@link #catchUp()}). */
    boolean nearlyCurrent() {
        return rowsBehind(CATCH_UP_ROWS + 1) <= CATCH_UP_ROWS;
    }

    /** Applies up to {@code limit} rows, waiting as long as it takes; answers whether it reached the horizon. */
    boolean apply(int limit) {
        return apply(limit, NO_DEADLINE);
    }

    /**
     * Applies up to {@code limit} rows, a batch at a time: the batch's rows are read, and the documents they name read
     * from their modules, without a lock (several applies may read at once; a document is read once for the same
     * row); then, under {@link #writing}, the documents of rows the index has not passed yet are written, made visible
     * to searches, and only then does the cursor move past them, so a search that sees the cursor also sees the rows.
     * A document read later than another apply's reflects at least the rows it read; any change after the read has a
     * row of its own beyond the cursor. Past the first batch the node counts as catching up until the apply ends; an
     * index older than the kept feed is rebuilt meanwhile.
     *
     * @param deadline until when ({@link System#nanoTime()}) it waits for other applies — their read of the same row,
     *                 the write lock — or {@link #NO_DEADLINE}
     * @return whether the index is now at the horizon ({@code false} also when a wait ran out)
     */
    private boolean apply(int limit, long deadline) {
        boolean longApply = false;
        try {
            int applied = 0;
            while (applied < limit) {
                String cursor = engine.feedCursor().orElse(null);
                if (cursor == null || olderThanKeptFeed(cursor)) {
                    return startOrRebuild(deadline);
                }
                Batch batch = readBatch(cursor);
                // per document, its last row in the batch and the document read for it
                Map<Position, IndexWrite> writes = new LinkedHashMap<>();
                try {
                    for (Change latest : batch.latestPerTarget(node)) {
                        IndexWrite write = read(latest, deadline);
                        if (write == null) {
                            return false;
                        }
                        writes.put(latest.position(), write);
                    }
                    if (!write(batch, writes, deadline)) {
                        return false;
                    }
                } finally {
                    batch.changes().forEach(change -> reading.remove(change.position()));
                }
                applied += batch.changes().size();
                if (batch.changes().size() < BATCH) {
                    return true;
                }
                if (!longApply) {
                    // more than a batch to apply: a catch-up, during which searches are refused rather than kept waiting
                    longApply = true;
                    longApplies.incrementAndGet();
                }
            }
            return false;
        } finally {
            if (longApply) {
                longApplies.decrementAndGet();
            }
        }
    }

    /** An index from before the feed starts following it; an index older than the kept feed is rebuilt. */
    private boolean startOrRebuild(long deadline) {
        if (!lock(deadline)) {
            return false;
        }
        try {
            String cursor = engine.feedCursor().orElse(null);
            if (cursor == null) {
                // an index from before the feed, or a new one that EmptyIndexRebuild fills: from now on
                engine.setFeedCursor(horizon());
                return true;
            }
            if (olderThanKeptFeed(cursor)) {
                log.warn("This node's search index is older than the kept change feed: rebuilding it");
                longApplies.incrementAndGet();
                try {
                    String horizon = horizon();
                    search.reindexAll();
                    engine.setFeedCursor(horizon);
                    engine.commit();
                } finally {
                    longApplies.decrementAndGet();
                }
            }
            return true;
        } finally {
            writing.unlock();
        }
    }

    private boolean olderThanKeptFeed(String cursor) {
        String pruned = jdbc.sql("select below_xid::text from search_change_pruned").query(String.class).optional()
                .orElse(null);
        return pruned != null && Long.parseLong(cursorXid(cursor)) <= Long.parseLong(pruned);
    }

    /** Up to a batch of rows after {@code cursor}, below the horizon, in commit-safe order; with that horizon. */
    private Batch readBatch(String cursor) {
        List<Change> changes = new ArrayList<>();
        String[] horizon = new String[1];
        jdbc.sql("""
                        select h.xmin::text as horizon, c.id, c.xid::text as xid, c.kind, c.target, c.node
                        from (select pg_snapshot_xmin(pg_current_snapshot()) as xmin) h
                        left join lateral (
                            select id, xid, kind, target, node from search_change
                            where (xid, id) > (?::xid8, ?) and xid < h.xmin
                            order by xid, id limit ?) c on true""")
                .params(cursorXid(cursor), cursorId(cursor), BATCH)
                .query(rs -> {
                    horizon[0] = rs.getString("horizon");
                    if (rs.getObject("id") != null) {
                        changes.add(new Change(new Position(Long.parseLong(rs.getString("xid")), rs.getLong("id")),
                                rs.getString("kind"), rs.getObject("target", UUID.class), rs.getString("node")));
                    }
                });
        return new Batch(changes, Long.parseLong(horizon[0]));
    }

    /**
     * The document a row names, read from its module — or, when another apply is reading it for the same row, that
     * read's result, waited for until {@code deadline}; {@code null} when the wait ran out.
     */
    private IndexWrite read(Change change, long deadline) {
        CompletableFuture<IndexWrite> mine = new CompletableFuture<>();
        CompletableFuture<IndexWrite> theirs = reading.putIfAbsent(change.position(), mine);
        if (theirs != null) {
            try {
                return deadline == NO_DEADLINE ? theirs.join()
                        : theirs.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (CompletionException | ExecutionException e) {
                // their read failed: read it here, and fail here if it fails again
            }
        }
        try {
            IndexWrite write = read(change.kind(), change.target());
            mine.complete(write);
            return write;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private IndexWrite read(String kind, UUID target) {
        return switch (kind) {
            case "ITEM" -> search.readItem(new ItemId(target));
            case "COUNCIL" -> search.readCouncil(new CouncilId(target));
            case "PROPOSAL" -> search.readProposal(new ProposalId(target));
            case "MEETING" -> search.readMeeting(new MeetingId(target));
            case "TECHNOLOGY" -> search.readTechnology(new TechnologyId(target));
            case "GUIDELINE" -> search.readGuideline(target);
            case "TECHNOLOGY_AREA" -> search.readAreas();
            default -> () -> { };
        };
    }

    /**
     * Under {@link #writing}: writes the documents of the rows the index has not passed yet (another apply may have
     * written a later read of them meanwhile), makes them visible, then moves the cursor to the batch's end — or, when
     * the batch was the last below the horizon, to the horizon. Answers {@code false} when the wait ran out.
     */
    private boolean write(Batch batch, Map<Position, IndexWrite> writes, long deadline) {
        if (!lock(deadline)) {
            return false;
        }
        try {
            Position current = Position.of(engine.feedCursor().orElseThrow());
            boolean changed = false;
            for (Map.Entry<Position, IndexWrite> write : writes.entrySet()) {
                if (write.getKey().compareTo(current) > 0) {
                    write.getValue().write();
                    changed = true;
                }
            }
            if (changed) {
                search.refresh();
            }
            Position reached = batch.changes().isEmpty() ? current
                    : batch.changes().get(batch.changes().size() - 1).position();
            if (batch.changes().size() < BATCH && batch.horizon() > reached.xid()) {
                // every row below the horizon is read: the next ones can only come at or above it
                reached = new Position(batch.horizon(), 0);
            }
            if (reached.compareTo(current) > 0) {
                engine.setFeedCursor(reached.toString());
            }
            return true;
        } finally {
            writing.unlock();
        }
    }

    private boolean lock(long deadline) {
        if (deadline == NO_DEADLINE) {
            writing.lock();
            return true;
        }
        try {
            return writing.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes rows every node has long applied; a node still behind them rebuilds its index (once per cluster). */
    @Scheduled(fixedDelayString = "${banso.search.feed-prune-interval:1h}")
    @SchedulerLock(name = "search-feed-prune", lockAtMostFor = "10m")
    void prune() {
        Timestamp before = Timestamp.from(clock.instant().minus(properties.feedRetention()));
        jdbc.sql("""
                        with gone as (delete from search_change where changed_at < ? returning xid)
                        insert into search_change_pruned (singleton, below_xid)
                        select true, max(xid) from gone having count(*) > 0
                        on conflict (singleton) do update set below_xid = greatest(search_change_pruned.below_xid,
                                                                                  excluded.below_xid)""")
                .param(before).update();
    }

    private static String cursorXid(String cursor) {
        return cursor.substring(0, cursor.indexOf(':'));
    }

    private static long cursorId(String cursor) {
        return Long.parseLong(cursor.substring(cursor.indexOf(':') + 1));
    }

    /** A row's place in the feed: its writing transaction's id, then its own id (see the class comment). */
    record Position(long xid, long id) implements Comparable<Position> {

        static Position of(String cursor) {
            return new Position(Long.parseLong(cursorXid(cursor)), cursorId(cursor));
        }

        @Override
        public int compareTo(Position other) {
            int byXid = Long.compare(xid, other.xid);
            return byXid != 0 ? byXid : Long.compare(id, other.id);
        }

        @Override
        public String toString() {
            return xid + ":" + id;
        }
    }

    private record Change(Position position, String kind, UUID target, String node) {
    }

    private record ChangeKey(String kind, UUID target) {
    }

    /** A batch of the feed's rows, and the horizon it was read below. */
    private record Batch(List<Change> changes, long horizon) {

        /** Per document, the last of the batch's rows other nodes wrote (this node indexed its own already). */
        Collection<Change> latestPerTarget(String thisNode) {
            Map<ChangeKey, Change> latest = new LinkedHashMap<>();
            for (Change change : changes) {
                if (!thisNode.equals(change.node())) {
                    latest.put(new ChangeKey(change.kind(), change.target()), change);
                }
            }
            return latest.values();
        }
    }
}
