package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.banso.council.CouncilId;
import org.banso.information.DesignationId;
import org.banso.information.InformationSearchSupport.Visibility;
import org.banso.information.Marking;
import org.banso.search.SearchKind;
import org.junit.jupiter.api.Test;

/**
 * R17: the Lucene filter built from a {@link Visibility} admits exactly the items the rule of
 * {@code InformationSearchSupport} makes visible — checked against a plain-Java reference implementation of the rule
 * over many seeded random cases, and on hand-built cases for each branch of the rule.
 */
class VisibilityFilterTests {

    private static final List<CouncilId> COUNCILS = ids(5, CouncilId::new);
    private static final List<DesignationId> DESIGNATIONS = ids(8, DesignationId::new);

    record Item(String id, CouncilId council, boolean published, Set<DesignationId> designations) {
    }

    /** The rule, word for word from the javadoc of InformationSearchSupport. */
    static boolean visible(Item item, Visibility v) {
        if (item.designations().stream().anyMatch(v.hiding()::contains)) {
            return false;
        }
        if (item.council() != null && v.readableCouncils().contains(item.council())) {
            return true;
        }
        boolean active = item.designations().stream().anyMatch(v.active()::contains);
        boolean releasedPublic = item.designations().stream().anyMatch(v.releasedPublic()::contains)
                && item.designations().stream().noneMatch(v.releasedCouncil()::contains);
        return !active && (item.published() || releasedPublic);
    }

    /** The marking rule of the information module at the visibility's instant, written out for the reference. */
    static String marking(Item item, Visibility v) {
        if (item.designations().stream().anyMatch(v.active()::contains)) {
            return "CONTROLLED";
        }
        boolean releasedPublic = item.designations().stream().anyMatch(v.releasedPublic()::contains)
                && item.designations().stream().noneMatch(v.releasedCouncil()::contains);
        return item.published() || releasedPublic ? "PUBLIC" : "COUNCIL";
    }

    @Test
    void theFilterAdmitsExactlyTheItemsTheRuleMakesVisibleOnRandomCases() throws IOException {
        long seed = 20261125L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 40; round++) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                items.add(new Item("i" + i, random.nextInt(6) == 0 ? null : pick(random, COUNCILS),
                        random.nextInt(3) == 0, subset(random, DESIGNATIONS, 0.2)));
            }
            try (SearchEngine engine = new SearchEngine(new ByteBuffersDirectory())) {
                for (Item item : items) {
                    engine.put(new IndexDocument(SearchKind.ITEM, item.id(), null, "text", str(item.council()), null,
                            item.designations().stream().map(Object::toString).collect(Collectors.toSet()),
                            item.published(), false));
                }
                engine.commit();
                for (int v = 0; v < 25; v++) {
                    Visibility visibility = new Visibility(subset(random, COUNCILS, 0.3),
                            subset(random, DESIGNATIONS, 0.15), subset(random, DESIGNATIONS, 0.25),
                            subset(random, DESIGNATIONS, 0.3), subset(random, DESIGNATIONS, 0.2));
                    Set<String> expected = items.stream().filter(i -> visible(i, visibility)).map(Item::id)
                            .collect(Collectors.toCollection(TreeSet::new));
                    SearchEngine.Page page = engine.search(SearchEngine.filtered(new MatchAllDocsQuery(),
                            VisibilityFilter.itemQuery(visibility)), 0, 200, true, new SearchEngine.Markings(
                            VisibilityFilter.controlledNow(visibility), VisibilityFilter.publicNow(visibility)));
                    Set<String> actual = page.found().stream().map(SearchEngine.Found::id)
                            .collect(Collectors.toCollection(TreeSet::new));
                    String context = "seed " + seed + " round " + round + " visibility " + v + ": " + visibility
                            + "\nitems " + items;
                    assertThat(actual).as(context).isEqualTo(expected);
                    assertThat(page.total()).as(context).isEqualTo(expected.size());
                    long facetTotal = page.facets().get("kind").values().stream().mapToLong(Long::longValue).sum();
                    assertThat(facetTotal).as("facets count visible hits only; " + context)
                            .isEqualTo(expected.size());
                    Map<String, Long> expectedMarkings = items.stream().filter(i -> visible(i, visibility))
                            .collect(Collectors.groupingBy(i -> marking(i, visibility), TreeMap::new,
                                    Collectors.counting()));
                    assertThat(page.facets().get("marking")).as("the marking facet of visible hits; " + context)
                            .isEqualTo(expectedMarkings);
                    for (Marking marking : Marking.values()) {
                        Set<String> ofMarking = engine.search(new BooleanQuery.Builder()
                                        .add(SearchEngine.filtered(new MatchAllDocsQuery(),
                                                VisibilityFilter.itemQuery(visibility)), Occur.MUST)
                                        .add(VisibilityFilter.marking(visibility, marking), Occur.FILTER).build(),
                                0, 200, false).found().stream().map(SearchEngine.Found::id)
                                .collect(Collectors.toCollection(TreeSet::new));
                        assertThat(ofMarking).as("narrowed to " + marking + "; " + context).isEqualTo(
                                items.stream().filter(i -> visible(i, visibility)
                                                && marking(i, visibility).equals(marking.name()))
                                        .map(Item::id).collect(Collectors.toCollection(TreeSet::new)));
                    }
                }
            }
        }
    }

    @Test
    void eachBranchOfTheRuleOnHandBuiltItems() throws IOException {
        CouncilId c = COUNCILS.get(0);
        CouncilId other = COUNCILS.get(1);
        DesignationId d = DESIGNATIONS.get(0);
        List<Item> items = List.of(
                new Item("readable", c, false, Set.of()),
                new Item("readable-but-hidden", c, false, Set.of(d)),
                new Item("other-council", other, false, Set.of()),
                new Item("published", other, true, Set.of()),
                new Item("published-under-active", other, true, Set.of(d)),
                new Item("released-public", other, false, Set.of(d)),
                new Item("library", null, true, Set.of()));
        try (SearchEngine engine = new SearchEngine(new ByteBuffersDirectory())) {
            for (Item item : items) {
                engine.put(new IndexDocument(SearchKind.ITEM, item.id(), null, "text", str(item.council()), null,
                        item.designations().stream().map(Object::toString).collect(Collectors.toSet()),
                        item.published(), false));
            }
            engine.commit();
            assertThat(ids(engine, new Visibility(Set.of(c), Set.of(), Set.of(), Set.of(), Set.of())))
                    .containsExactlyInAnyOrder("readable", "readable-but-hidden", "published",
                            "published-under-active", "library");
            assertThat(ids(engine, new Visibility(Set.of(c), Set.of(d), Set.of(), Set.of(), Set.of())))
                    .as("hiding wins over a readable council")
                    .containsExactlyInAnyOrder("readable", "published", "library");
            assertThat(ids(engine, new Visibility(Set.of(), Set.of(), Set.of(d), Set.of(), Set.of())))
                    .as("an active designation keeps even a published item from outsiders")
                    .containsExactlyInAnyOrder("published", "library");
            assertThat(ids(engine, new Visibility(Set.of(), Set.of(), Set.of(), Set.of(d), Set.of())))
                    .containsExactlyInAnyOrder("published", "published-under-active", "released-public", "library",
                            "readable-but-hidden");
            assertThat(ids(engine, new Visibility(Set.of(), Set.of(), Set.of(), Set.of(d), Set.of(d))))
                    .as("released to the council only is not public")
                    .containsExactlyInAnyOrder("published", "published-under-active", "library");
        }
    }

    private static Set<String> ids(SearchEngine engine, Visibility v) {
        return engine.search(SearchEngine.filtered(new MatchAllDocsQuery(), VisibilityFilter.itemQuery(v)), 0, 100,
                false).found().stream().map(SearchEngine.Found::id).collect(Collectors.toSet());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static <T> Set<T> subset(SplittableRandom random, List<T> from, double p) {
        Set<T> out = new HashSet<>();
        for (T t : from) {
            if (random.nextDouble() < p) {
                out.add(t);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static <T> List<T> ids(int n, Function<UUID, T> make) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(new UUID(0xB0, i)));
        }
        return out;
    }
}
