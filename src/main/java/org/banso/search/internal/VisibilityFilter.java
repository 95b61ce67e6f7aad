package org.banso.search.internal;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.banso.information.InformationSearchSupport.Visibility;
import org.banso.information.Marking;
import org.banso.search.SearchKind;

/**
 * The Lucene query that admits exactly the documents one person may see at one instant (R17), used as a FILTER
 * clause so it is evaluated in the same pass as the text query.
 *
 * <p>Items follow the rule of {@link org.banso.information.InformationSearchSupport}, term by term: visible iff no
 * designation in {@code hiding} covers it, and either its council is readable, or no {@code active} designation
 * covers it and it is public ({@code published}, or public by default up to {@code publicByDefaultUpTo}, or covered
 * by a {@code releasedPublic} designation and by no {@code releasedCouncil} one). Councils: those the council module shows the person. Technologies: designated ones
 * for everybody, all of them for signed-in people. Proposals and meetings: those of the readable councils (pledged
 * members of a current participant, as the council module requires). Guidelines: only versions in force or superseded are indexed, and
 * they are public, as are the technology areas and the K Program vision technologies (reference data).
 *
 * @param visibleCouncils the councils the council module shows this person (empty for anonymous callers)
 */
record VisibilityFilter(Visibility items, Set<String> visibleCouncils, boolean signedIn) {

    Query toQuery() {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (items != null) {
            any.add(itemQuery(items), Occur.SHOULD);
            Set<String> readable = ids(items.readableCouncils());
            if (!readable.isEmpty()) {
                // proposals and meetings: pledged members of the council's current participants, as the council
                // module shows them (the same set as the readable councils of the item rule)
                any.add(new BooleanQuery.Builder()
                        .add(new BooleanQuery.Builder()
                                .add(kind(SearchKind.PROPOSAL), Occur.SHOULD)
                                .add(kind(SearchKind.MEETING), Occur.SHOULD)
                                .build(), Occur.FILTER)
                        .add(in(IndexDocument.COUNCIL, readable), Occur.FILTER)
                        .build(), Occur.SHOULD);
            }
        }
        if (!visibleCouncils.isEmpty()) {
            any.add(new BooleanQuery.Builder()
                    .add(kind(SearchKind.COUNCIL), Occur.FILTER)
                    .add(in(IndexDocument.COUNCIL, visibleCouncils), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        BooleanQuery.Builder technology = new BooleanQuery.Builder().add(kind(SearchKind.TECHNOLOGY), Occur.FILTER);
        if (!signedIn) {
            technology.add(new TermQuery(new Term(IndexDocument.PUBLISHED, "true")), Occur.FILTER);
        }
        any.add(technology.build(), Occur.SHOULD);
        any.add(kind(SearchKind.GUIDELINE), Occur.SHOULD);
        any.add(kind(SearchKind.PUBLIC_RESULT), Occur.SHOULD);
        any.add(kind(SearchKind.TECHNOLOGY_AREA), Occur.SHOULD);
        any.add(kind(SearchKind.VISION_TECHNOLOGY), Occur.SHOULD);
        any.setMinimumNumberShouldMatch(1);
        return any.build();
    }

    /** The item rule alone, for documents of kind ITEM. */
    static Query itemQuery(Visibility v) {
        BooleanQuery.Builder item = new BooleanQuery.Builder()
                .add(kind(SearchKind.ITEM), Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(in(IndexDocument.COUNCIL, ids(v.readableCouncils())), Occur.SHOULD)
                        .add(publicNow(v), Occur.SHOULD)
                        .setMinimumNumberShouldMatch(1)
                        .build(), Occur.FILTER);
        mustNot(item, IndexDocument.DESIGNATION, ids(v.hiding()));
        return item.build();
    }

    /**
     * Items whose marking is PUBLIC at the instant: no designation in force, and published or released to the public
     * (and not to the council only). The same query for every person at one instant, hence shared in the query cache.
     */
    static Query publicNow(Visibility v) {
        return instantQueries(v).publicNow();
    }

    /** Items whose marking is CONTROLLED at the instant: covered by a designation in force. */
    static Query controlledNow(Visibility v) {
        return instantQueries(v).controlledNow();
    }

    /**
     * The person-independent queries of the last instant seen. The information module hands out the same set
     * instances until a designation starts, ends or is applied, so comparing them by identity is exact, and the
     * sorting of up to tens of thousands of designation ids into term sets happens once per such change, not per
     * search.
     */
    private record InstantQueries(Set<?> active, Set<?> releasedPublic, Set<?> releasedCouncil,
                                  java.time.Instant publicByDefaultUpTo, Query publicNow, Query controlledNow) {
    }

    private static volatile InstantQueries lastInstant;

    private static InstantQueries instantQueries(Visibility v) {
        InstantQueries last = lastInstant;
        if (last != null && last.active() == v.active() && last.releasedPublic() == v.releasedPublic()
                && last.releasedCouncil() == v.releasedCouncil()
                && java.util.Objects.equals(last.publicByDefaultUpTo(), v.publicByDefaultUpTo())) {
            return last;
        }
        InstantQueries built = new InstantQueries(v.active(), v.releasedPublic(), v.releasedCouncil(),
                v.publicByDefaultUpTo(), buildPublicNow(v), in(IndexDocument.DESIGNATION, ids(v.active())));
        lastInstant = built;
        return built;
    }

    private static Query buildPublicNow(Visibility v) {
        BooleanQuery.Builder released = new BooleanQuery.Builder()
                .add(in(IndexDocument.DESIGNATION, ids(v.releasedPublic())), Occur.FILTER);
        mustNot(released, IndexDocument.DESIGNATION, ids(v.releasedCouncil()));
        BooleanQuery.Builder open = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexDocument.PUBLISHED, "true")), Occur.SHOULD)
                .add(released.build(), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1);
        if (v.publicByDefaultUpTo() != null) {
            // R16: public by default up to the latest such instant — the same bound until the next one, so the
            // query stays one cache key between publications
            open.add(LongPoint.newRangeQuery(IndexDocument.PUBLIC_FROM, Long.MIN_VALUE,
                    v.publicByDefaultUpTo().toEpochMilli()), Occur.SHOULD);
        }
        BooleanQuery.Builder publicItem = new BooleanQuery.Builder().add(open.build(), Occur.FILTER);
        mustNot(publicItem, IndexDocument.DESIGNATION, ids(v.active()));
        return publicItem.build();
    }

    /** Items of the given marking at the instant (the marking rule of the information module, as terms). */
    static Query marking(Visibility v, Marking marking) {
        BooleanQuery.Builder items = new BooleanQuery.Builder().add(kind(SearchKind.ITEM), Occur.FILTER);
        switch (marking) {
            case CONTROLLED -> items.add(controlledNow(v), Occur.FILTER);
            case PUBLIC -> items.add(publicNow(v), Occur.FILTER);
            case COUNCIL -> items.add(controlledNow(v), Occur.MUST_NOT).add(publicNow(v), Occur.MUST_NOT);
        }
        return items.build();
    }

    private static void mustNot(BooleanQuery.Builder builder, String field, Set<String> values) {
        if (!values.isEmpty()) {
            builder.add(in(field, values), Occur.MUST_NOT);
        }
    }

    private static Query kind(SearchKind kind) {
        return new TermQuery(new Term(IndexDocument.KIND, kind.name()));
    }

    static Query in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            return new MatchNoDocsQuery("no " + field);
        }
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static Set<String> ids(Set<?> ids) {
        return ids == null ? Set.of() : ids.stream().map(Object::toString).collect(Collectors.toSet());
    }
}
