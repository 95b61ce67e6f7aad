package org.banso.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.banso.information.Marking;
import org.banso.search.SearchKind;

/**
 * Counts the values of the facet fields over every matching (hence visible) document, and with marking weights the
 * markings of the matching items (the marking is not stored: it depends on the instant).
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Map<String, Map<String, Long>>> {

    private static final BytesRef ITEM = new BytesRef(SearchKind.ITEM.name());

    private final Weight controlled;
    private final Weight publicNow;

    FacetCounter(Weight controlled, Weight publicNow) {
        this.controlled = controlled;
        this.publicNow = publicNow;
    }

    @Override
    public Counting newCollector() {
        return new Counting(controlled, publicNow);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counting> collectors) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String facet : SearchEngine.FACETS) {
            Map<String, Long> merged = new TreeMap<>();
            for (Counting c : collectors) {
                c.counts.getOrDefault(facet, Map.of()).forEach((k, v) -> merged.merge(k, v, Long::sum));
            }
            out.put(facet.substring("facet_".length()), mostFrequent(merged));
        }
        if (controlled != null) {
            Map<String, Long> merged = new TreeMap<>();
            for (Counting c : collectors) {
                c.markings.forEach((k, v) -> merged.merge(k.name(), v, Long::sum));
            }
            out.put("marking", merged);
        }
        return out;
    }

    /** At most {@link org.banso.search.Search#MAX_FACET_VALUES} values, the most frequent, in key order. */
    private static Map<String, Long> mostFrequent(Map<String, Long> counts) {
        if (counts.size() <= org.banso.search.Search.MAX_FACET_VALUES) {
            return counts;
        }
        Map<String, Long> kept = new TreeMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(org.banso.search.Search.MAX_FACET_VALUES)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    static final class Counting implements Collector {

        final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        final Map<Marking, Long> markings = new EnumMap<>(Marking.class);
        private final Weight controlled;
        private final Weight publicNow;

        Counting(Weight controlled, Weight publicNow) {
            this.controlled = controlled;
            this.publicNow = publicNow;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            List<SortedDocValues> values = new ArrayList<>();
            for (String facet : SearchEngine.FACETS) {
                values.add(context.reader().getSortedDocValues(facet));
            }
            long[][] perOrdinal = new long[SearchEngine.FACETS.size()][];
            for (int i = 0; i < SearchEngine.FACETS.size(); i++) {
                perOrdinal[i] = values.get(i) == null ? new long[0] : new long[values.get(i).getValueCount()];
            }
            SortedDocValues kinds = values.get(SearchEngine.FACETS.indexOf(IndexDocument.FACET_KIND));
            int itemOrdinal = controlled == null || kinds == null ? -1 : kinds.lookupTerm(ITEM);
            DocIdSetIterator controlledDocs = itemOrdinal < 0 ? null : iterator(controlled, context);
            DocIdSetIterator publicDocs = itemOrdinal < 0 ? null : iterator(publicNow, context);
            long[] byMarking = new long[Marking.values().length];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    int kind = -1;
                    for (int i = 0; i < perOrdinal.length; i++) {
                        SortedDocValues dv = values.get(i);
                        if (dv != null && dv.advanceExact(doc)) {
                            perOrdinal[i][dv.ordValue()]++;
                            if (dv == kinds) {
                                kind = dv.ordValue();
                            }
                        }
                    }
                    if (itemOrdinal >= 0 && kind == itemOrdinal) {
                        Marking marking = matches(controlledDocs, doc) ? Marking.CONTROLLED
                                : matches(publicDocs, doc) ? Marking.PUBLIC : Marking.COUNCIL;
                        byMarking[marking.ordinal()]++;
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (Marking marking : Marking.values()) {
                        if (byMarking[marking.ordinal()] > 0) {
                            markings.merge(marking, byMarking[marking.ordinal()], Long::sum);
                        }
                    }
                    for (int i = 0; i < perOrdinal.length; i++) {
                        for (int ord = 0; ord < perOrdinal[i].length; ord++) {
                            if (perOrdinal[i][ord] > 0) {
                                counts.computeIfAbsent(SearchEngine.FACETS.get(i), k -> new TreeMap<>())
                                        .merge(values.get(i).lookupOrd(ord).utf8ToString(), perOrdinal[i][ord],
                                                Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        private static DocIdSetIterator iterator(Weight weight, LeafReaderContext context) throws IOException {
            Scorer scorer = weight.scorer(context);
            return scorer == null ? null : scorer.iterator();
        }

        /** Whether the iterator, only ever moved forward (documents are collected in order), is on the doc. */
        private static boolean matches(DocIdSetIterator docs, int doc) throws IOException {
            if (docs == null) {
                return false;
            }
            if (docs.docID() < doc) {
                docs.advance(doc);
            }
            return docs.docID() == doc;
        }
    }
}
