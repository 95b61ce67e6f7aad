package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.banso.search.SearchKind;
import org.banso.support.ApiAccounts;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search on a node that is catching up with the other nodes' changes is refused at once — {@code 503} with
 * {@code Retry-After}, a problem on the API and a message in Japanese or English on the page — instead of waiting for
 * the catch-up to end (#19). The catch-up is held open for real: the rows of "another node" name items, and the
 * items' table is locked by the test while the feed applies them, so the feed's thread waits in PostgreSQL in the
 * middle of its catch-up. Every request below runs while that lock is held: a search that waited for the catch-up
 * would not come back before the test's deadline. An administrator's rebuild of the index is held open the same way
 * (it reads the items after emptying the index). Same settings as {@link SearchReadinessTest} (one shared context).
 */
@BansoIntegrationTest(properties = "banso.search.feed-interval=1h")
@AutoConfigureMockMvc
class SearchDuringCatchUpTest {

    private static final long DEADLINE_SECONDS = 60;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    SearchFeed feed;
    @Autowired
    SearchEngine engine;
    @Autowired
    JsonMapper json;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Connection holder;

    @BeforeEach
    void current() {
        feed.apply(Integer.MAX_VALUE);
    }

    @AfterEach
    void release() throws Exception {
        if (holder != null) {
            holder.rollback();
            holder.close();
        }
        threads.shutdownNow();
        threads.awaitTermination(DEADLINE_SECONDS, TimeUnit.SECONDS);
        jdbc.sql("delete from search_change where node = 'node-elsewhere'").update();
        feed.apply(Integer.MAX_VALUE);
    }

    /** What another node leaves in the feed: {@code rows} changes of {@code kind}, in one transaction of its own. */
    private void changesOfAnotherNode(String kind, int rows) {
        jdbc.sql("""
                        insert into search_change (kind, target, node)
                        select ?, gen_random_uuid(), 'node-elsewhere' from generate_series(1, ?)""")
                .params(kind, rows).update();
    }

    /** Locks the items' table: the feed's next read of an item waits until the test releases it. */
    private void holdTheItemsTable() throws Exception {
        if (holder != null) {
            holder.rollback();
            holder.close();
        }
        holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("lock table information_item in access exclusive mode");
        }
    }

    private <T> T withinDeadline(Callable<T> call) throws Exception {
        return threads.submit(call).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private MvcResult request(String path) throws Exception {
        return withinDeadline(() -> mvc.perform(get(path)).andReturn());
    }

    private void awaitCatchingUp() throws InterruptedException {
        for (int i = 0; i < 600 && !feed.catchingUp(); i++) {
            Thread.sleep(50);
        }
        assertThat(feed.catchingUp()).as("the feed is in the middle of its catch-up").isTrue();
    }

    @Test
    void aSearchWhileTheNodeCatchesUpIsRefusedAtOnceOnTheApiAndThePage() throws Exception {
        // more than a batch of changes that read no item (technologies this node never heard of), then items: the
        // catch-up waits at its first item, past its first batch
        changesOfAnotherNode("TECHNOLOGY", 600);
        changesOfAnotherNode("ITEM", 1_600);
        holdTheItemsTable();
        Future<Boolean> catchUp = threads.submit(() -> feed.apply(Integer.MAX_VALUE));
        awaitCatchingUp();

        MvcResult api = request("/api/v1/search?q=catching");
        assertThat(api.getResponse().getStatus()).isEqualTo(503);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.getResponse().getContentAsString()).contains("/problems/service-unavailable");
        assertThat(Long.parseLong(api.getResponse().getHeader("Retry-After"))).isPositive();

        MvcResult ja = request("/search?q=catching");
        assertThat(ja.getResponse().getStatus()).isEqualTo(503);
        assertThat(ja.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(ja.getResponse().getContentAsString()).contains("他のサーバーでの変更を取り込んでいる最中です");
        MvcResult en = request("/search?q=catching&lang=en");
        assertThat(en.getResponse().getStatus()).isEqualTo(503);
        assertThat(en.getResponse().getContentAsString()).contains("catching up with changes made on the other servers");

        assertThat(request("/actuator/health/readiness").getResponse().getStatus())
                .as("not ready while catching up").isEqualTo(503);
        assertThat(catchUp.isDone()).as("the catch-up was still held open throughout").isFalse();

        holder.rollback();
        assertThat(catchUp.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("caught up once released").isTrue();
        assertThat(feed.catchingUp()).isFalse();
        assertThat(request("/api/v1/search?q=catching").getResponse().getStatus()).isEqualTo(200);
        assertThat(request("/search?q=catching").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aSearchAFewChangesBehindIsNotKeptWaitingByAnApplyThatDoesNotEnd() throws Exception {
        changesOfAnotherNode("ITEM", 1);
        holdTheItemsTable();
        Future<Boolean> apply = threads.submit(() -> feed.apply(Integer.MAX_VALUE));
        // the apply has taken its row and waits on the items' table
        for (int i = 0; i < 600 && waitingOnTheItems() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOnTheItems()).as("the apply waits in PostgreSQL").isPositive();

        MvcResult api = request("/api/v1/search?q=behind");
        assertThat(api.getResponse().getStatus()).as("refused after a short wait, not held").isEqualTo(503);
        assertThat(api.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(apply.isDone()).isFalse();

        holder.rollback();
        assertThat(apply.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(request("/api/v1/search?q=behind").getResponse().getStatus()).isEqualTo(200);
    }

    /**
     * Under load every search a few rows behind applies them itself: a crowd of searches must not read the same
     * document once each (the load run's searches did the same reads many times over on a saturated machine). A second
     * apply joins the first one's read of the row; only one connection waits on the items' table, and both applies end
     * once it is released.
     */
    @Test
    void concurrentAppliesReadARowsDocumentOnceAndBothEndWhenItIsRead() throws Exception {
        changesOfAnotherNode("ITEM", 1);
        holdTheItemsTable();
        Future<Boolean> first = threads.submit(() -> feed.apply(Integer.MAX_VALUE));
        for (int i = 0; i < 600 && waitingOnTheItems() == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOnTheItems()).as("the first apply waits in PostgreSQL").isEqualTo(1);
        Future<Boolean> second = threads.submit(() -> feed.apply(Integer.MAX_VALUE));
        for (int i = 0; i < 40 && waitingOnTheItems() < 2 && !second.isDone(); i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOnTheItems()).as("the second apply joined the first one's read").isEqualTo(1);
        assertThat(second.isDone()).as("the second apply waits for the row it needs").isFalse();

        holder.rollback();
        assertThat(first.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.rowsBehind(10)).isZero();
    }

    @Test
    void anAdministratorsReindexRefusesSearchesOnItsNodeUntilItEndsWhetherItSucceedsOrFails() throws Exception {
        String admin = new ApiAccounts(mvc, json).adminToken();
        // held open for real: the rebuild has emptied the index and waits on the items' table
        holdTheItemsTable();
        Future<MvcResult> reindex = threads.submit(() -> mvc.perform(post("/api/v1/search/reindex")
                .header("Authorization", ApiAccounts.bearer(admin))).andReturn());
        awaitRebuildWaitingOnTheItems();

        MvcResult api = request("/api/v1/search?q=rebuilding");
        assertThat(api.getResponse().getStatus()).isEqualTo(503);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.getResponse().getContentAsString()).contains("/problems/service-unavailable");
        assertThat(Long.parseLong(api.getResponse().getHeader("Retry-After"))).isPositive();
        MvcResult ja = request("/search?q=rebuilding");
        assertThat(ja.getResponse().getStatus()).isEqualTo(503);
        assertThat(ja.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(ja.getResponse().getContentAsString()).contains("他のサーバーでの変更を取り込んでいる最中です");
        MvcResult en = request("/search?q=rebuilding&lang=en");
        assertThat(en.getResponse().getStatus()).isEqualTo(503);
        assertThat(en.getResponse().getContentAsString()).contains("catching up with changes made on the other servers");
        assertThat(request("/actuator/health/readiness").getResponse().getStatus())
                .as("not ready while rebuilding").isEqualTo(503);
        assertThat(reindex.isDone()).as("the rebuild was still held open throughout").isFalse();

        holder.rollback();
        MvcResult done = reindex.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(done.getResponse().getContentAsString()).get("indexed").asInt()).isPositive();
        assertThat(feed.catchingUp()).as("cleared when the rebuild ends").isFalse();
        assertThat(request("/api/v1/search?q=rebuilding").getResponse().getStatus()).isEqualTo(200);
        assertThat(request("/search?q=rebuilding").getResponse().getStatus()).isEqualTo(200);
        assertThat(request("/actuator/health/readiness").getResponse().getStatus()).isEqualTo(200);

        // a rebuild that fails: its read of the items is cancelled in PostgreSQL
        holdTheItemsTable();
        Future<MvcResult> failing = threads.submit(() -> mvc.perform(post("/api/v1/search/reindex")
                .header("Authorization", ApiAccounts.bearer(admin))).andReturn());
        awaitRebuildWaitingOnTheItems();
        assertThat(request("/api/v1/search?q=rebuilding").getResponse().getStatus()).isEqualTo(503);
        jdbc.sql("""
                        select pg_cancel_backend(l.pid) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'information_item' and not l.granted""")
                .query(Boolean.class).list();
        assertThat(failing.get(DEADLINE_SECONDS, TimeUnit.SECONDS).getResponse().getStatus())
                .as("the rebuild failed").isNotEqualTo(200);
        assertThat(feed.catchingUp()).as("cleared when the rebuild fails too").isFalse();
        holder.rollback();
        assertThat(request("/api/v1/search?q=rebuilding").getResponse().getStatus()).isEqualTo(200);
        assertThat(request("/actuator/health/readiness").getResponse().getStatus()).isEqualTo(200);

        // the index whole again for the tests sharing this context
        assertThat(withinDeadline(() -> mvc.perform(post("/api/v1/search/reindex")
                .header("Authorization", ApiAccounts.bearer(admin))).andReturn()).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aRebuildThatFailsMidwayLeavesEveryEarlierDocumentFindableAndTheFeedPositionWhereItWas() throws Exception {
        String admin = new ApiAccounts(mvc, json).adminToken();
        engine.refresh();
        long before = engine.count(new MatchAllDocsQuery());
        List<String> earlier = findableKeys();
        assertThat(earlier).as("technologies, areas, guidelines: read after the items and councils")
                .anyMatch(key -> key.startsWith(SearchKind.TECHNOLOGY_AREA.name() + ":"));
        Optional<String> cursor = engine.feedCursor();

        // fails midway: the items and councils are put again, then the read of the technologies is cancelled
        holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("lock table technology_technology in access exclusive mode");
        }
        Future<MvcResult> failing = threads.submit(() -> mvc.perform(post("/api/v1/search/reindex")
                .header("Authorization", ApiAccounts.bearer(admin))).andReturn());
        for (int i = 0; i < 600 && waitingOn("technology_technology") == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOn("technology_technology")).as("the rebuild waits in PostgreSQL").isPositive();
        jdbc.sql("""
                        select pg_cancel_backend(l.pid) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'technology_technology' and not l.granted""")
                .query(Boolean.class).list();
        assertThat(failing.get(DEADLINE_SECONDS, TimeUnit.SECONDS).getResponse().getStatus())
                .as("the rebuild failed").isNotEqualTo(200);
        holder.rollback();

        // what the index holds now, and what a commit (the periodic one, a crash's last) would keep
        engine.commit();
        assertThat(earlier).as("every earlier document is still found")
                .allMatch(key -> engine.count(new TermQuery(new Term(IndexDocument.KEY, key))) == 1);
        assertThat(engine.count(new MatchAllDocsQuery())).isEqualTo(before);
        assertThat(engine.feedCursor()).as("the feed position is where it was").isEqualTo(cursor);
        assertThat(request("/api/v1/search?q=rebuilding").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aRebuildRemovesWhatNoLongerExistsButKeepsWhatWasPutWhileItRan() throws Exception {
        String admin = new ApiAccounts(mvc, json).adminToken();
        // a document of nothing in the database: an event the index missed (its thing deleted meanwhile)
        engine.put(ghost("ghost-of-a-deleted-thing"));
        // and one that an event of this node puts again while the rebuild runs
        engine.put(ghost("put-while-rebuilding"));
        engine.commit();
        List<String> earlier = findableKeys();
        holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("lock table technology_technology in access exclusive mode");
        }
        Future<MvcResult> rebuild = threads.submit(() -> mvc.perform(post("/api/v1/search/reindex")
                .header("Authorization", ApiAccounts.bearer(admin))).andReturn());
        for (int i = 0; i < 600 && waitingOn("technology_technology") == 0; i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOn("technology_technology")).as("the rebuild waits in PostgreSQL").isPositive();
        // what this node's events put while the rebuild runs (the rebuild does not read it from the database)
        engine.put(ghost("put-while-rebuilding"));
        holder.rollback();
        assertThat(rebuild.get(DEADLINE_SECONDS, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);

        assertThat(engine.count(new TermQuery(new Term(IndexDocument.KEY,
                IndexDocument.key(SearchKind.GUIDELINE, "ghost-of-a-deleted-thing"))))).as("removed").isZero();
        assertThat(engine.count(new TermQuery(new Term(IndexDocument.KEY,
                IndexDocument.key(SearchKind.GUIDELINE, "put-while-rebuilding"))))).as("kept").isEqualTo(1);
        assertThat(earlier).as("everything else put back")
                .allMatch(key -> key.endsWith(":ghost-of-a-deleted-thing")
                        || engine.count(new TermQuery(new Term(IndexDocument.KEY, key))) == 1);
        engine.delete(SearchKind.GUIDELINE, "put-while-rebuilding");
        engine.commit();
    }

    private static IndexDocument ghost(String id) {
        return new IndexDocument(SearchKind.GUIDELINE, id, id, id, null, null, java.util.Set.of(), true, true);
    }

    /** The key of every document a search finds now. */
    private List<String> findableKeys() {
        return engine.keys().stream()
                .filter(key -> engine.count(new TermQuery(new Term(IndexDocument.KEY, key))) == 1).toList();
    }

    private int waitingOn(String table) {
        return jdbc.sql("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = ? and not l.granted""")
                .param(table).query(Integer.class).single();
    }

    private void awaitRebuildWaitingOnTheItems() throws InterruptedException {
        for (int i = 0; i < 600 && (waitingOnTheItems() == 0 || !feed.catchingUp()); i++) {
            Thread.sleep(50);
        }
        assertThat(waitingOnTheItems()).as("the rebuild waits in PostgreSQL").isPositive();
        assertThat(feed.catchingUp()).as("the node counts as catching up while it rebuilds").isTrue();
    }

    private int waitingOnTheItems() {
        return jdbc.sql("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'information_item' and not l.granted""")
                .query(Integer.class).single();
    }
}
