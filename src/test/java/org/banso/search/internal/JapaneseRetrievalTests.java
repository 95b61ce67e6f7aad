package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.banso.search.SearchKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Japanese retrieval on the real text of the seed document, split into paragraphs indexed as public guideline-like
 * documents: the analysis finds compounds, folds widths and katakana long vowels (R17 search path).
 */
class JapaneseRetrievalTests {

    private static final List<String> PARAGRAPHS = new ArrayList<>();
    private static SearchEngine engine;

    @BeforeAll
    static void indexSeed() throws IOException {
        // a copy of ../shared/seed/000_0b212807cc240a47.txt
        String seed = new String(JapaneseRetrievalTests.class.getResourceAsStream("/search/seed.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        for (String line : seed.split("\\R")) {
            if (!line.isBlank()) {
                PARAGRAPHS.add(line.strip());
            }
        }
        PARAGRAPHS.add("研究成果をコンピュータで解析し、ＡＩの安全性を評価する。");
        PARAGRAPHS.add("Quantum computing research and the think tank (ｼﾝｸﾀﾝｸ) report.");
        engine = new SearchEngine(new ByteBuffersDirectory());
        for (int i = 0; i < PARAGRAPHS.size(); i++) {
            engine.put(new IndexDocument(SearchKind.GUIDELINE, "p" + i, null, PARAGRAPHS.get(i), null, null,
                    Set.of(), true, false));
        }
        engine.commit();
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    private static List<String> hits(String query) {
        Query q = engine.textQuery(query);
        return engine.search(q, 0, 200, false).found().stream()
                .map(f -> PARAGRAPHS.get(Integer.parseInt(f.id().substring(1)))).toList();
    }

    private static long containing(String... variants) {
        return PARAGRAPHS.stream().filter(p -> Stream.of(variants).anyMatch(p::contains)).count();
    }

    @Test
    void compoundsOfTheSeedAreFoundInEveryParagraphThatHasThem() {
        for (String term : List.of("守秘義務", "伴走支援", "シンクタンク", "研究開発")) {
            List<String> found = hits(term);
            assertThat(found).as(term).isNotEmpty();
            // the best hits contain the term itself; every paragraph that contains it is found
            assertThat(found.get(0)).as(term).contains(term);
            assertThat(found.stream().filter(p -> p.contains(term)).count()).as(term)
                    .isEqualTo(containing(term));
        }
    }

    @Test
    void fullWidthAndHalfWidthAreTheSame() {
        assertThat(hits("AI")).isNotEmpty().containsAll(hits("ＡＩ"));
        assertThat(hits("ＡＩ")).anyMatch(p -> p.contains("ＡＩ")).anyMatch(p -> p.contains("AI"));
        assertThat(hits("ｼﾝｸﾀﾝｸ")).anyMatch(p -> p.contains("シンクタンク")).anyMatch(p -> p.contains("ｼﾝｸﾀﾝｸ"));
        assertThat(hits("シンクタンク")).anyMatch(p -> p.contains("ｼﾝｸﾀﾝｸ"));
    }

    @Test
    void katakanaLongVowelVariantsMatch() {
        assertThat(hits("コンピューター")).anyMatch(p -> p.contains("コンピュータで"));
        assertThat(hits("コンピュータ")).anyMatch(p -> p.contains("コンピュータで"));
    }

    @Test
    void englishWordsAreFoundCaseInsensitively() {
        assertThat(hits("QUANTUM computing")).anyMatch(p -> p.startsWith("Quantum computing"));
    }
}
