package org.banso.information.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.information.internal.tracing.TracedCopies.Recipient;
import org.banso.information.internal.tracing.TracedCopies.TracedCopy;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * R17 as a property over seeded random documents (no jqwik; the seed and case are in every message): for plain text,
 * CSV and JSON with awkward content (quotes, embedded delimiters and line breaks, escapes, surrogate pairs,
 * combining marks), the traced copy still parses to the same values once the invisible characters are removed, and
 * every excerpt of 200 visible characters holds a whole, identical fingerprint mark. A few excerpts per case go
 * through {@code trace} and the database.
 */
@BansoIntegrationTest
class TextFingerprintPropertyTest {

    private static final long SEED = 20261125L;
    private static final int CASES = 40;
    private static final Pattern MARK = Pattern.compile("\u2060[\u200B\u200C]{80}\u2060");
    private static final String[] WORDS = {"研究開発", "経済安全保障", "の", "、", "。", "quantum", "AI", "data,set",
            "say \"hi\"", "naïve", "e\u0301", "👍🏽", "𠮷野家", "\\path", "tab\there", "  ", "x", "1234.5", "-7",
            "{json}", "[list]", "a:b", "ｶﾀｶﾅ", "が", "\u200D", "😀"};

    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;

    private final Recipient recipient = new Recipient(new UserId(java.util.UUID.randomUUID()), "性質 試験", "試験所");

    private TracedCopy issue(String mediaType, String content) {
        return new TransactionTemplate(transactions).execute(status -> copies.issue(ItemId.random(), null, 1,
                mediaType, content.getBytes(StandardCharsets.UTF_8), recipient, Instant.now()));
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(4) == 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    @Test
    void plainTextKeepsItsVisibleTextAndEveryExcerptHoldsTheMark() { // R17
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            StringBuilder text = new StringBuilder();
            int paragraphs = 3 + random.nextInt(8);
            for (int p = 0; p < paragraphs; p++) {
                text.append(words(random, 60 + random.nextInt(120))).append(random.nextBoolean() ? "\n\n" : "\r\n");
            }
            String original = text.toString();
            TracedCopy copy = issue("text/plain", original);
            String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
            String why = "seed=" + SEED + " case=" + c;
            assertThat(TracingFixtures.visible(marked)).as(why).isEqualTo(original);
            assertNoSplitPairs(marked, why);
            assertWindowsHoldOneMark(marked, 0, random, copy, why);
        }
    }

    @Test
    void csvParsesToTheSameValuesAndEveryExcerptOfTheDataHoldsTheMark() throws IOException { // R17
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            int columns = 2 + random.nextInt(5);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < 8 + random.nextInt(30); r++) {
                List<String> row = new ArrayList<>();
                for (int k = 0; k < columns; k++) {
                    row.add(r == 0 ? "col" + k : random.nextInt(3) == 0 ? String.valueOf(random.nextInt(100000))
                            : words(random, 1 + random.nextInt(12)).replace("\t", " ")
                            + (random.nextInt(10) == 0 ? "\nnext line" : ""));
                }
                rows.add(row);
            }
            StringBuilder csv = new StringBuilder();
            CSVFormat.RFC4180.print(csv).printRecords(rows);
            String original = csv.toString();
            TracedCopy copy = issue("text/csv", original);
            String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
            String why = "seed=" + (SEED + 1) + " case=" + c;
            List<CSVRecord> after = CSVFormat.RFC4180.parse(new StringReader(marked)).getRecords();
            assertThat(after).as(why).hasSameSizeAs(rows);
            assertThat(after.get(0).values()).as(why + " header").containsExactlyElementsOf(rows.get(0));
            for (int r = 1; r < rows.size(); r++) {
                List<String> visible = new ArrayList<>();
                for (String v : after.get(r).values()) {
                    visible.add(TracingFixtures.visible(v));
                }
                assertThat(visible).as(why + " row " + r).containsExactlyElementsOf(rows.get(r));
            }
            assertNoSplitPairs(marked, why);
            int dataStart = TracingFixtures.visible(marked).indexOf("\r\n") + 2;
            assertWindowsHoldOneMark(marked, dataStart, random, copy, why);
        }
    }

    @Test
    void jsonParsesToTheSameDocumentWithTheSameKeysAndEveryExcerptOfStringsHoldsTheMark() { // R17
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            ArrayNode root = json.createArrayNode();
            for (int i = 0; i < 5 + random.nextInt(20); i++) {
                ObjectNode o = root.addObject();
                o.put("title", words(random, 10 + random.nextInt(30)));
                o.put("n", random.nextInt(1000));
                o.put("ok", random.nextBoolean());
                o.putObject("nested").put("text \"quoted\" key", words(random, 5 + random.nextInt(30)));
            }
            String original = random.nextBoolean() ? json.writeValueAsString(root)
                    : json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            TracedCopy copy = issue("application/json", original);
            String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
            String why = "seed=" + (SEED + 2) + " case=" + c;
            JsonNode after = json.readTree(marked);
            assertThat(json.readTree(TracingFixtures.visible(marked))).as(why).isEqualTo(root);
            assertThat(TracingFixtures.visible(after.toString())).as(why).isEqualTo(root.toString());
            assertNoSplitPairs(marked, why);
            assertWindowsHoldOneMark(marked, 0, random, copy, why);
        }
    }

    /** Every 200-character window (visible) from {@code from} holds a whole mark, the same everywhere. */
    private void assertWindowsHoldOneMark(String marked, int from, SplittableRandom random, TracedCopy copy,
                                          String why) {
        Matcher first = MARK.matcher(marked);
        assertThat(first.find()).as(why + " has a mark").isTrue();
        String mark = first.group();
        int visible = TracingFixtures.visible(marked).length();
        int last = visible - 200;
        if (last < from) {
            return;
        }
        for (int start = from; start <= last; start += 7) {
            String excerpt = TracingFixtures.excerpt(marked, start, 200);
            Matcher m = MARK.matcher(excerpt);
            assertThat(m.find()).as(why + " window at " + start + ": " + TracingFixtures.visible(excerpt)).isTrue();
            assertThat(m.group()).as(why).isEqualTo(mark);
        }
        for (int i = 0; i < 2; i++) {
            String excerpt = TracingFixtures.excerpt(marked, random.nextInt(from, last + 1), 200);
            assertThat(copies.trace(excerpt.getBytes(StandardCharsets.UTF_8))).as(why)
                    .hasValueSatisfying(t -> assertThat(t.fingerprint()).isEqualTo(copy.fingerprint()));
        }
    }

    /** No mark sits between a high and a low surrogate, or before a combining mark. */
    private static void assertNoSplitPairs(String marked, String why) {
        for (int i = 1; i < marked.length(); i++) {
            char c = marked.charAt(i);
            char before = marked.charAt(i - 1);
            if (Character.isLowSurrogate(c)) {
                assertThat(Character.isHighSurrogate(before)).as(why + " at " + i).isTrue();
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                assertThat(before).as(why + " combining mark at " + i).isNotIn('\u2060', '\u200B', '\u200C');
            }
        }
    }
}
