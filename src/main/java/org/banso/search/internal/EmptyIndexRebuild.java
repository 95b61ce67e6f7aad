package org.banso.search.internal;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The index is derived data: when it starts empty (first start on an existing database, a lost or unreadable index
 * that was emptied, a restored backup without ./data/index) it is rebuilt from the modules before anyone searches,
 * so that a search never silently misses what the database holds. An index that has documents is left alone (the
 * re-index command rebuilds one that is merely stale), except for the public reference data — the technology areas and
 * the K Program vision technologies, a few dozen documents — indexed again at every start, so that an index made
 * before they were searchable has them too (issue #17).
 */
@Component
class EmptyIndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(EmptyIndexRebuild.class);

    private final SearchEngine engine;
    private final SearchService search;

    EmptyIndexRebuild(SearchEngine engine, SearchService search) {
        this.engine = engine;
        this.search = search;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        if (engine.count(new MatchAllDocsQuery()) > 0) {
            indexReferenceData();
            return;
        }
        long started = System.nanoTime();
        try {
            int indexed = search.reindexAll();
            if (indexed > 0) {
                log.info("The search index was empty; rebuilt it from the database: {} documents in {} ms", indexed,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // searching still works on what the events index from now on; the command rebuilds the rest
            log.error("The search index was empty and could not be rebuilt; run `search reindex`", e);
        }
    }

    private void indexReferenceData() {
        try {
            int indexed = search.indexAreas() + search.indexVisionTechnologies();
            engine.commit();
            log.debug("Indexed {} technology areas and vision technologies", indexed);
        } catch (RuntimeException e) {
            log.error("The technology areas could not be indexed; run `search reindex`", e);
        }
    }
}
