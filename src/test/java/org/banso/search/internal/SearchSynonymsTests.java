package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.banso.search.SearchKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 on the shipped reference data (the twenty technology areas and the K Program vision technologies, indexed
 * as the search module indexes them): "人工知能", "AI" and "半導体" find their area and vision entries, in Japanese,
 * in English and by abbreviation.
 */
class SearchSynonymsTests {

    private static final Map<String, String> TITLES = new LinkedHashMap<>();
    private static SearchEngine engine;

    @BeforeAll
    static void indexReferenceData() throws IOException {
        engine = new SearchEngine(new ByteBuffersDirectory());
        for (CSVRecord area : csv("/reference/technology-areas.csv")) {
            String title = area.get("name_ja") + " / " + area.get("name_en");
            TITLES.put(area.get("code"), title);
            engine.put(new IndexDocument(SearchKind.TECHNOLOGY_AREA, area.get("code"), title, area.get("code"),
                    null, area.get("code"), Set.of(), true, true));
        }
        int n = 0;
        for (CSVRecord vision : csv("/reference/k-program-vision.csv")) {
            String id = "v" + n++;
            String title = vision.get("technology_ja") + " / " + vision.get("technology_en");
            TITLES.put(id, title);
            engine.put(new IndexDocument(SearchKind.VISION_TECHNOLOGY, id, title,
                    vision.get("domain_ja") + "\n" + vision.get("domain_en"), null, null, Set.of(), true, true));
        }
        engine.commit();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(SearchSynonymsTests.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static List<String> hits(String query) {
        return engine.search(engine.textQuery(query), 0, 100, false).found().stream()
                .map(f -> TITLES.get(f.id())).toList();
    }

    @Test
    void artificialIntelligenceIsFoundByItsJapaneseNameItsEnglishNameAndItsAbbreviation() {
        for (String query : List.of("人工知能", "AI", "ＡＩ", "ai", "artificial intelligence")) {
            List<String> found = hits(query);
            assertThat(found).as(query).contains(TITLES.get("A03"))
                    .anyMatch(t -> t.startsWith("AIセキュリティに係る知識・技術体系"));
            assertThat(found).as(query + ": nothing else").allMatch(t -> t.contains("人工知能") || t.contains("AI"));
        }
    }

    @Test
    void semiconductorsAreFoundInJapaneseAndEnglish() {
        for (String query : List.of("半導体", "semiconductor", "Semiconductors")) {
            assertThat(hits(query)).as(query).containsExactly(TITLES.get("A05"));
        }
    }

    @Test
    void aTermIsReplacedOnlyAsAWholeWordAndTheVariantsAreBounded() {
        SearchSynonyms synonyms = SearchSynonyms.shipped();
        assertThat(synonyms.variants("AI")).containsExactly("AI", "人工知能", "artificial intelligence");
        assertThat(synonyms.variants("AIセキュリティ")).contains("人工知能セキュリティ");
        assertThat(synonyms.variants("said")).containsExactly("said");
        assertThat(synonyms.variants("maintain")).containsExactly("maintain");
        assertThat(synonyms.variants("AI と 半導体")).hasSizeLessThanOrEqualTo(SearchSynonyms.MAX_VARIANTS)
                .contains("人工知能 と 半導体", "ai と semiconductors");
        assertThat(hits("maintain")).isEmpty();
    }
}
