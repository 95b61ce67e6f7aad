package org.banso.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.banso.search.SearchKind;

/**
 * The index itself, independent of Spring (the benchmark uses it directly): writes {@link IndexDocument}s, answers a
 * text query restricted by a filter with exact totals and facet counts over the filtered matches only.
 */
final class SearchEngine implements Closeable {

    static final List<String> FACETS = List.of(IndexDocument.FACET_KIND, IndexDocument.FACET_COUNCIL,
            IndexDocument.FACET_CATEGORY);

    private final Directory directory;
    private final Analyzer analyzer = SearchAnalyzers.perField();
    private final SearchSynonyms synonyms = SearchSynonyms.shipped();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** How far this index has applied the cluster's change feed (see SearchFeed); committed with the index. */
    private volatile String feedCursor;
    /** The keys put since the rebuild under way began; null when none is. */
    private volatile Set<String> putSinceRebuildBegan;

    SearchEngine(Directory directory) throws IOException {
        this(directory, 64);
    }

    SearchEngine(Directory directory, double ramBufferMb) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(ramBufferMb);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new FilterCachingSearchers());
        Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
        if (committed != null) {
            for (Map.Entry<String, String> entry : committed) {
                if (FEED_CURSOR.equals(entry.getKey())) {
                    feedCursor = entry.getValue();
                }
            }
        }
    }

    private static final String FEED_CURSOR = "banso-feed-cursor";

    java.util.Optional<String> feedCursor() {
        return java.util.Optional.ofNullable(feedCursor);
    }

    /** Moves the feed position; the next commit makes it durable with the documents applied before it. */
    void setFeedCursor(String cursor) {
        if (!cursor.equals(feedCursor)) {
            feedCursor = cursor;
            writer.setLiveCommitData(Map.of(FEED_CURSOR, cursor).entrySet());
        }
    }

    /**
     * Searchers sharing one cache of filter clauses' matching documents per segment. The part of the visibility filter
     * that says what is public at an instant is the same query for every person until a designation starts or ends, so
     * after a few uses it is answered from a bit set instead of being evaluated for every match; the person's own
     * clauses (readable councils, hiding designations) are evaluated per query, so a revocation still counts at once.
     * The cache keys on the query's terms and the segment, and holds document numbers only, never text.
     */
    private static final class FilterCachingSearchers extends SearcherFactory {

        private final LRUQueryCache cache = new LRUQueryCache(1_000, 64L << 20);
        private final UsageTrackingQueryCachingPolicy policy = new UsageTrackingQueryCachingPolicy();

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(cache);
            searcher.setQueryCachingPolicy(policy);
            return searcher;
        }
    }

    /** Adds or replaces the document of {@code doc.kind()}/{@code doc.id()}; visible to the next search. */
    void put(IndexDocument doc) {
        String key = IndexDocument.key(doc.kind(), doc.id());
        try {
            writer.updateDocument(new Term(IndexDocument.KEY, key), doc.toDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> tracked = putSinceRebuildBegan;
        if (tracked != null) {
            tracked.add(key);
        }
    }

    /**
     * Begins a rebuild of the whole index in place (one at a time): the rebuild puts every document again, each put
     * replacing its older version, and {@link Rebuild#removeTheRest()} then deletes what was in the index before and
     * was put by no one since — documents of things that no longer exist. The index is never emptied: a rebuild that
     * fails midway, or a commit (periodic, or a crash's last) taken while it runs, leaves every earlier document
     * findable, some of them already current, and moves no feed position. Documents put meanwhile by anyone (this
     * node's events) count as put, so the rebuild never deletes what they added.
     */
    Rebuild beginRebuild() {
        Set<String> tracked = ConcurrentHashMap.newKeySet();
        // tracked before the keys are read: a put in between is either read or tracked, never deleted
        putSinceRebuildBegan = tracked;
        boolean begun = false;
        try {
            Rebuild rebuild = new Rebuild(keys(), tracked);
            begun = true;
            return rebuild;
        } finally {
            if (!begun) {
                putSinceRebuildBegan = null;
            }
        }
    }

    /** A rebuild in place under way; closing it ends the tracking of puts, whether or not it finished. */
    final class Rebuild implements AutoCloseable {

        private final Set<String> before;
        private final Set<String> put;

        private Rebuild(Set<String> before, Set<String> put) {
            this.before = before;
            this.put = put;
        }

        /** Deletes the documents that were in the index when the rebuild began and were not put since; how many. */
        int removeTheRest() {
            int removed = 0;
            for (String key : before) {
                if (!put.contains(key)) {
                    try {
                        writer.deleteDocuments(new Term(IndexDocument.KEY, key));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    removed++;
                }
            }
            return removed;
        }

        @Override
        public void close() {
            if (putSinceRebuildBegan == put) {
                putSinceRebuildBegan = null;
            }
        }
    }

    /**
     * The key of every document in the index now (with the changes not yet committed), read from the key field's
     * terms; a key whose document was deleted but not yet merged away may be among them.
     */
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(IndexDocument.KEY);
                if (terms == null) {
                    continue;
                }
                TermsEnum each = terms.iterator();
                for (BytesRef key = each.next(); key != null; key = each.next()) {
                    keys.add(key.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Adds without looking for an older version (bulk loading into an empty index). */
    void add(IndexDocument doc) throws IOException {
        writer.addDocument(doc.toDocument());
    }

    void delete(SearchKind kind, String id) {
        try {
            writer.deleteDocuments(new Term(IndexDocument.KEY, IndexDocument.key(kind, id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Commits and makes every change visible to the next search. */
    void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every change visible to the next search without a commit (no fsync; near-real-time reader). */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits if anything changed since the last commit. */
    void commitIfChanged() {
        if (writer.hasUncommittedChanges()) {
            commit();
        }
    }

    void forceMerge(int segments) throws IOException {
        writer.forceMerge(segments);
    }

    /**
     * The text query over the Japanese and English fields of title and text, for the query and each of its synonym
     * variants ({@link SearchSynonyms}): any of them matching is a hit.
     */
    Query textQuery(String text) {
        List<String> variants = synonyms.variants(text);
        if (variants.size() == 1) {
            return variantQuery(text);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String variant : variants) {
            any.add(variantQuery(variant), Occur.SHOULD);
        }
        any.setMinimumNumberShouldMatch(1);
        return any.build();
    }

    /** One variant over the Japanese and English fields of title and text; only the Japanese ones for CJK input. */
    private Query variantQuery(String text) {
        boolean cjk = SearchAnalyzers.containsCjk(text);
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addField(any, builder, SearchAnalyzers.TITLE_JA, text, cjk ? 4f : 1.5f);
        addField(any, builder, SearchAnalyzers.TEXT_JA, text, cjk ? 2f : 0.75f);
        if (!cjk) {
            // for CJK input the English fields would only add single-character terms (the standard tokenizer splits
            // Han and kana into unigrams): costly conjunctions of very common postings, and no better recall
            addField(any, builder, SearchAnalyzers.TITLE_EN, text, 2f);
            addField(any, builder, SearchAnalyzers.TEXT_EN, text, 1f);
        }
        any.setMinimumNumberShouldMatch(1);
        return any.build();
    }

    /**
     * The text query on one field, with the synonym variants (for the highlighter). A Japanese variant is left out of
     * an English field: the standard tokenizer would cut 人工知能 into single characters and mark every 知 of a text.
     */
    Query textQueryFor(String field, String text) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean none = true;
        boolean english = field.equals(SearchAnalyzers.TEXT_EN) || field.equals(SearchAnalyzers.TITLE_EN);
        for (String variant : synonyms.variants(text)) {
            if (english && SearchAnalyzers.containsCjk(variant)) {
                continue;
            }
            Query query = builder.createBooleanQuery(field, variant, Occur.SHOULD);
            if (query != null) {
                any.add(query, Occur.SHOULD);
                none = false;
            }
        }
        return none ? new org.apache.lucene.search.MatchNoDocsQuery() : any.build();
    }

    private static void addField(BooleanQuery.Builder any, QueryBuilder builder, String field, String text,
                                 float boost) {
        Query query = builder.createBooleanQuery(field, text, Occur.MUST);
        if (query != null) {
            any.add(new BoostQuery(query, boost), Occur.SHOULD);
        }
    }

    /** The text query with the filter as a FILTER clause (no scoring, same pass). */
    static Query filtered(Query text, Query filter) {
        if (filter == null) {
            return text;
        }
        return new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    record Found(SearchKind kind, String id, String storedTitle, float score) {
    }

    record Page(long total, List<Found> found, Map<String, Map<String, Long>> facets) {
    }

    /**
     * The queries that tell an item's marking at the instant of a search, for the {@code marking} facet: CONTROLLED
     * when {@code controlled} matches, else PUBLIC when {@code publicNow} matches, else COUNCIL.
     */
    record Markings(Query controlled, Query publicNow) {
    }

    Page search(Query query, int offset, int count, boolean facets) {
        return search(query, offset, count, facets, null);
    }

    /**
     * @param offset   how many hits to skip
     * @param facets   whether to count facets
     * @param markings when not null (and facets are counted), also the {@code marking} facet of the matching items
     */
    Page search(Query query, int offset, int count, boolean facets, Markings markings) {
        if (offset < 0 || count < 1 || offset > 10_000 - count) {
            throw new IllegalArgumentException("offset + count must stay within 10,000 hits");
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(Math.max(1, offset + count),
                        null, Integer.MAX_VALUE, searcher.getSlices().length > 1);
                TopDocs docs;
                Map<String, Map<String, Long>> counted = Map.of();
                if (facets) {
                    FacetCounter counter = markings == null ? new FacetCounter(null, null) : new FacetCounter(
                            searcher.createWeight(searcher.rewrite(markings.controlled()), ScoreMode.COMPLETE_NO_SCORES,
                                    1f),
                            searcher.createWeight(searcher.rewrite(markings.publicNow()), ScoreMode.COMPLETE_NO_SCORES,
                                    1f));
                    MultiCollectorManager both = new MultiCollectorManager(top, counter);
                    Object[] results = searcher.search(query, both);
                    docs = (TopDocs) results[0];
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Long>> c = (Map<String, Map<String, Long>>) results[1];
                    counted = c;
                } else {
                    docs = searcher.search(query, top);
                }
                List<Found> found = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (int i = offset; i < docs.scoreDocs.length; i++) {
                    ScoreDoc hit = docs.scoreDocs[i];
                    Document doc = stored.document(hit.doc);
                    found.add(new Found(SearchKind.valueOf(doc.get(IndexDocument.KIND)), doc.get(IndexDocument.ID),
                            doc.get(IndexDocument.TITLE), hit.score));
                }
                return new Page(docs.totalHits.value, found, counted);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(Query query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
