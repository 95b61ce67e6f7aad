package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node whose search index is far behind the other nodes' changes is not ready (#19): the load balancer's readiness
 * probe says so while it catches up, and it is ready again once it has; its liveness is never in question. The feed's
 * own schedule is slowed to an hour so that the test decides when this node applies.
 */
@BansoIntegrationTest(properties = "banso.search.feed-interval=1h")
@AutoConfigureMockMvc
class SearchReadinessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SearchFeed feed;

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    /** What other nodes leave in the feed: changes of items this node has never heard of. */
    private void changesOfAnotherNode(int rows) {
        jdbc.sql("""
                        insert into search_change (kind, target, node)
                        select 'ITEM', gen_random_uuid(), 'node-elsewhere' from generate_series(1, ?)""")
                .param(rows).update();
    }

    /**
     * The other test contexts of this JVM share the database: without their rows, no node of theirs counts itself
     * behind after this test (their feeds would skip past the rows anyway).
     */
    @AfterEach
    void forgetTheOtherNodesChanges() {
        jdbc.sql("delete from search_change where node = 'node-elsewhere'").update();
    }

    @Test
    void aNodeFarBehindTheFeedIsNotReadyUntilItHasCaughtUp() throws Exception {
        feed.apply(Integer.MAX_VALUE);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);

        changesOfAnotherNode(2_001);

        assertThat(status("/actuator/health/readiness")).as("far behind: not ready").isEqualTo(503);
        assertThat(body("/actuator/health/readiness")).contains("OUT_OF_SERVICE");
        assertThat(status("/actuator/health/liveness")).as("alive all the same").isEqualTo(200);

        feed.apply(Integer.MAX_VALUE);

        assertThat(status("/actuator/health/readiness")).as("caught up: ready again").isEqualTo(200);
    }

    @Test
    void aNodeAFewChangesBehindStaysReady() throws Exception {
        feed.apply(Integer.MAX_VALUE);
        changesOfAnotherNode(50);

        assertThat(status("/actuator/health/readiness")).as("a search catches these up itself").isEqualTo(200);
        feed.apply(Integer.MAX_VALUE);
    }
}
