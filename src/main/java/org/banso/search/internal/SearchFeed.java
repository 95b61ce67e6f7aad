package org.banso.search.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.MeetingId;
import org.banso.council.ProposalId;
import org.banso.guideline.GuidelineEvents;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.shared.ClusterSignals;
import org.banso.shared.ProblemCode;
import org.banso.shared.RetryLaterException;
import org.banso.technology.TechnologyEvents;
import org.banso.technology.TechnologyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index current with what every node changed (issue #19). Inside each business transaction, the
 * modules' events leave a row in {@code search_change} (so a change and its row commit together, or neither); every
 * node applies the rows of the other nodes (its own are indexed by {@link SearchIndexListener}) — woken by a
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
     * The longest a search waits for a short apply already running before it is refused with 503. Half a second
     * refused 25 of 6,083 searches at the end of the two-node load run's ramp, when both nodes' CPU was saturated and
     * an apply of a few uploads took longer; still bounded, and well under a client's time-out.
     */
    static final Duration SEARCH_WAITS_AT_MOST = Duration.ofMillis(1_500);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

    private final JdbcClient jdbc;
    private final SearchEngine engine;
    private final SearchService search;
    private final String node;
    private final Clock clock;
    private final SearchProperties properties;
    /** One apply at a time; searches never wait for it long (see {@link #catchUp()}). */
    private final ReentrantLock applying = new ReentrantLock();
    /** Set while an apply runs past its first batch or rebuilds the index. */
    private volatile boolean catchingUp;
    /**
     * Rebuilds of the whole index under way on this node (an administrator's reindex, the command line, an empty
     * index at start); counted apart from {@link #catchingUp}, which an apply running meanwhile resets when it ends.
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

    // --- writing, in the business transaction -----------------------------------------------------------------

    @EventListener
    void on(InformationEvents.ItemStored event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.ItemVersionAdded event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.ItemPublished event) {
        changed("ITEM", event.item().value());
    }

    /** R16: when a research result becomes public by default moved. */
    @EventListener
    void on(InformationEvents.PublicationScheduled event) {
        changed("ITEM", event.item().value());
    }

    @EventListener
    void on(InformationEvents.DesignationApplied event) {
        event.items().forEach(item -> changed("ITEM", item.value()));
    }

    @EventListener
    void on(InformationEvents.DesignationReleased event) {
        event.items().forEach(item -> changed("ITEM", item.value()));
    }

    @EventListener
    void on(CouncilEvents.CouncilProposed event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.CouncilEstablished event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.CouncilDissolved event) {
        changed("COUNCIL", event.council().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalSubmitted event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalAmended event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalAdopted event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.ProposalWithdrawn event) {
        changed("PROPOSAL", event.proposal().value());
    }

    @EventListener
    void on(CouncilEvents.MeetingScheduled event) {
        changed("MEETING", event.meeting().value());
    }

    @EventListener
    void on(CouncilEvents.MeetingMinutesRecorded event) {
        changed("MEETING", event.meeting().value());
    }

    @EventListener
    void on(TechnologyEvents.TechnologyRegistered event) {
        changed("TECHNOLOGY", event.technology().value());
    }

    @EventListener
    void on(TechnologyEvents.TechnologyStatusChanged event) {
        changed("TECHNOLOGY", event.technology().value());
    }

    /** The row names the area by a UUID made from its code; applying it re-reads the twenty areas. */
    @EventListener
    void on(TechnologyEvents.TechnologyAreaCorrected event) {
        changed("TECHNOLOGY_AREA", UUID.nameUUIDFromBytes(event.code().getBytes(StandardCharsets.UTF_8)));
    }

    @EventListener
    void on(GuidelineEvents.GuidelineEnforced event) {
        changed("GUIDELINE", event.version());
        if (event.superseded() != null) {
            changed("GUIDELINE", event.superseded());
        }
    }

    private void changed(String kind, UUID target) {
        jdbc.sql("insert into search_change (kind, target, node) values (?, ?, ?)").params(kind, target, node)
                .update();
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, kind).query((rs, n) -> 0).list();
    }

    // --- applying, on every node ------------------------------------------------------------------------------

    /** The position no row can appear below any more: the oldest transaction still running. */
    String horizon() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single() + ":0";
    }

    @Scheduled(fixedDelayString = "${banso.search.feed-interval:1s}")
    void applyQuietly() {
        try {
            apply(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            log.warn("Applying the search change feed failed; it retries at its next run", e);
        }
    }

    /**
     * Before a search: what other nodes changed is applied first. A node that is catching up (a long apply is under
     * way) or is far behind refuses at once with {@code 503} and {@code Retry-After} — never a search left waiting for
     * the catch-up. A node with nothing to apply answers at once, searching while the feed applies (Lucene's
     * near-real-time searchers are made for that); a few rows behind, the search applies them, waiting at most
     * {@link #SEARCH_WAITS_AT_MOST} for an apply already running.
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
        boolean locked;
        try {
            locked = applying.tryLock(SEARCH_WAITS_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (!locked) {
            throw unavailable();
        }
        try {
            if (catchingUp() || !applyLocked(CATCH_UP_ROWS)) {
                throw unavailable();
            }
        } finally {
            applying.unlock();
        }
    }

    /**
     * Whether this node is applying a long stretch of the feed or rebuilding its index now (searches are refused
     * meanwhile, and the node is not ready).
     */
    boolean catchingUp() {
        return catchingUp || rebuilding.get() > 0;
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
        String pruned = jdbc.sql("select below_xid::text from search_change_pruned").query(String.class).optional()
                .orElse(null);
        if (pruned != null && Long.parseLong(cursorXid(cursor)) <= Long.parseLong(pruned)) {
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

    /** Applies up to {@code limit} rows; answers whether the index is now at the horizon. */
    boolean apply(int limit) {
        applying.lock();
        try {
            return applyLocked(limit);
        } finally {
            applying.unlock();
        }
    }

    /**
     * Applies up to {@code limit} rows, under {@link #applying}. Past the first batch the node counts as catching up
     * until it is done; an index older than the kept feed counts as catching up while it is rebuilt. Each batch is
     * made visible to searches before the cursor moves past it, so that a search seeing the cursor also sees the rows.
     */
    private boolean applyLocked(int limit) {
        try {
            String cursor = engine.feedCursor().orElse(null);
            if (cursor == null) {
                // an index from before the feed, or a new one that EmptyIndexRebuild fills: from now on
                engine.setFeedCursor(horizon());
                return true;
            }
            String pruned = jdbc.sql("select below_xid::text from search_change_pruned").query(String.class)
                    .optional().orElse(null);
            if (pruned != null && Long.parseLong(cursorXid(cursor)) <= Long.parseLong(pruned)) {
                log.warn("This node's search index is older than the kept change feed: rebuilding it");
                catchingUp = true;
                String horizon = horizon();
                search.reindexAll();
                engine.setFeedCursor(horizon);
                engine.commit();
                return true;
            }
            int applied = 0;
            while (applied < limit) {
                List<Change> batch = new ArrayList<>();
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
                                batch.add(new Change(rs.getLong("id"), rs.getString("xid"), rs.getString("kind"),
                                        rs.getObject("target", UUID.class), rs.getString("node")));
                            }
                        });
                boolean changed = false;
                for (Change change : batch) {
                    if (!node.equals(change.node())) {
                        index(change);
                        changed = true;
                    }
                    cursor = change.xid() + ":" + change.id();
                }
                applied += batch.size();
                if (changed) {
                    search.refresh();
                }
                if (batch.size() < BATCH) {
                    // every row below the horizon is applied: the next ones can only come at or above it
                    if (Long.parseLong(horizon[0]) > Long.parseLong(cursorXid(cursor))) {
                        cursor = horizon[0] + ":0";
                    }
                    engine.setFeedCursor(cursor);
                    return true;
                }
                engine.setFeedCursor(cursor);
                // more than a batch to apply: a catch-up, during which searches are refused rather than kept waiting
                catchingUp = true;
            }
            return false;
        } finally {
            catchingUp = false;
        }
    }

    private void index(Change change) {
        Consumer<UUID> indexing = switch (change.kind()) {
            case "ITEM" -> id -> search.indexItem(new ItemId(id));
            case "COUNCIL" -> id -> search.indexCouncil(new CouncilId(id));
            case "PROPOSAL" -> id -> search.indexProposal(new ProposalId(id));
            case "MEETING" -> id -> search.indexMeeting(new MeetingId(id));
            case "TECHNOLOGY" -> id -> search.indexTechnology(new TechnologyId(id));
            case "GUIDELINE" -> search::indexGuideline;
            case "TECHNOLOGY_AREA" -> id -> search.indexAreas();
            default -> id -> { };
        };
        indexing.accept(change.target());
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

    private record Change(long id, String xid, String kind, UUID target, String node) {
    }
}
