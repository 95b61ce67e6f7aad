package org.banso.information.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.information.internal.tracing.TracedCopies.Recipient;
import org.banso.information.internal.tracing.TracedCopies.TraceResult;
import org.banso.information.internal.tracing.TracedCopies.TracedCopy;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** R17: every traced copy leads back to its recipient, from a re-saved or split PDF or a copied paragraph. */
@BansoIntegrationTest
@RecordApplicationEvents
class TracedCopiesTest {

    private static final Instant AT = Instant.parse("2026-11-25T12:30:00Z");

    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEvents events;

    private final ItemId item = ItemId.random();
    private final CouncilId council = new CouncilId(java.util.UUID.randomUUID());
    private final Recipient recipient = new Recipient(new UserId(java.util.UUID.randomUUID()), "経済 花子",
            "量子技術研究所");

    private TracedCopy issue(String mediaType, byte[] content) {
        return new TransactionTemplate(transactions).execute(status ->
                copies.issue(item, council, 2, mediaType, content, recipient, AT));
    }

    private void assertTracesToRecipient(byte[] leaked, TracedCopy copy, String why) {
        Optional<TraceResult> result = copies.trace(leaked);
        assertThat(result).as(why).isPresent();
        assertThat(result.get().recipient()).as(why).isEqualTo(recipient.user());
        assertThat(result.get().item()).as(why).isEqualTo(item);
        assertThat(result.get().fingerprint()).as(why).isEqualTo(copy.fingerprint());
        assertThat(result.get().downloadedAt()).as(why).isEqualTo(AT.truncatedTo(ChronoUnit.MICROS));
    }

    // --- PDF ---

    @Test
    void aPdfCopyCarriesAVisibleFooterOnEveryPageAndIsRecordedWithAnEvent() throws IOException { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(4));
        try (PDDocument document = Loader.loadPDF(copy.bytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= 4; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).as("page %d", page).contains("経済 花子", "量子技術研究所", "2026-11-25 21:30 JST");
            }
        }
        assertThat(events.stream(InformationEvents.TracedCopyIssued.class))
                .anySatisfy(e -> {
                    assertThat(e.fingerprint()).isEqualTo(copy.fingerprint());
                    assertThat(e.user()).isEqualTo(recipient.user());
                    assertThat(e.item()).isEqualTo(item);
                    assertThat(e.version()).isEqualTo(2);
                });
        assertTracesToRecipient(copy.bytes(), copy, "the copy as issued");
    }

    @Test
    void aPdfReSavedByAnotherWriterStillLeadsToItsRecipient() throws IOException { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(3));
        byte[] resaved;
        try (PDDocument document = Loader.loadPDF(copy.bytes())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            resaved = out.toByteArray();
        }
        assertTracesToRecipient(resaved, copy, "loaded and saved again, uncompressed");
    }

    @Test
    void aPdfWhoseMetadataWasStrippedStillLeadsToItsRecipientThroughItsPageText() throws IOException { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(3));
        byte[] stripped;
        try (PDDocument document = Loader.loadPDF(copy.bytes())) {
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            stripped = out.toByteArray();
        }
        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("BansoFingerprint");
        assertTracesToRecipient(stripped, copy, "metadata removed");
    }

    @Test
    void theVisibleFooterAloneLeadsToTheRecipientWhenTheInvisibleTokensAreGone() throws IOException { // R17
        // as after printing to PDF or retyping: only the visible text survives
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(1));
        String text;
        try (PDDocument document = Loader.loadPDF(copy.bytes())) {
            text = new PDFTextStripper().getText(document).replaceAll("BANSO-FP-[0-9a-f]{16}-[0-9a-f]{4}", "");
        }
        String footer = text.lines().filter(l -> l.contains("交付先")).findFirst().orElseThrow();
        assertThat(footer).contains("Ref. " + copy.fingerprint().substring(0, 4) + "-");
        assertTracesToRecipient(footer.getBytes(StandardCharsets.UTF_8), copy, "footer line only: " + footer);
    }

    @Test
    void pagesTwoAndThreeExtractedIntoANewPdfStillLeadToTheRecipient() throws IOException { // R17
        TracedCopy copy = issue("application/pdf", TracingFixtures.pdf(5));
        byte[] extract;
        try (PDDocument source = Loader.loadPDF(copy.bytes()); PDDocument target = new PDDocument()) {
            target.importPage(source.getPage(1));
            target.importPage(source.getPage(2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            extract = out.toByteArray();
        }
        try (PDDocument document = Loader.loadPDF(extract)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("BansoFingerprint")).isNull();
        }
        assertTracesToRecipient(extract, copy, "pages 2-3 in a new document");
    }

    @Test
    void aPdfProtectedByAnOwnerPasswordIsTracedToo() throws IOException { // R17
        byte[] protectedPdf;
        try (PDDocument document = Loader.loadPDF(TracingFixtures.pdf(2))) {
            org.apache.pdfbox.pdmodel.encryption.AccessPermission permissions =
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission();
            permissions.setCanModify(false);
            document.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-secret", "",
                    permissions));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            protectedPdf = out.toByteArray();
        }
        TracedCopy copy = issue("application/pdf", protectedPdf);
        try (PDDocument document = Loader.loadPDF(copy.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("経済 花子");
        }
        assertTracesToRecipient(copy.bytes(), copy, "owner-password PDF");
    }

    @Test
    void twoRecipientsOfTheSameItemGetDifferentFingerprints() { // R17
        byte[] pdf = TracingFixtures.pdf(1);
        TracedCopy first = issue("application/pdf", pdf);
        TracedCopy second = issue("application/pdf", pdf);
        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint()).matches("[0-9a-f]{16}");
    }

    // --- text formats ---

    @Test
    void everyParagraphOfTheSeedCopiedWholeLeadsToTheRecipient() { // R17
        String seed = TracingFixtures.seed();
        TracedCopy copy = issue("text/plain; charset=UTF-8", seed.getBytes(StandardCharsets.UTF_8));
        String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
        assertThat(TracingFixtures.visible(marked)).isEqualTo(seed);
        int tested = 0;
        for (String paragraph : marked.split("\n")) {
            String visible = TracingFixtures.visible(paragraph);
            if (visible.length() >= 200) {
                String copied = TracingFixtures.excerpt(paragraph, 0, visible.length());
                assertTracesToRecipient(copied.getBytes(StandardCharsets.UTF_8), copy, "paragraph " + visible);
                tested++;
            }
        }
        assertThat(tested).isPositive();
    }

    @Test
    void anyTwoHundredCharactersOfPlainTextFromStartMiddleOrEndLeadToTheRecipient() { // R17
        String seed = TracingFixtures.seed();
        TracedCopy copy = issue("text/plain", seed.getBytes(StandardCharsets.UTF_8));
        assertExcerptsTrace(new String(copy.bytes(), StandardCharsets.UTF_8), copy, 0, 11);
    }

    @Test
    void markdownStaysReadableAndItsExcerptsLeadToTheRecipient() { // R17
        String markdown = "# 研究開発基本指針の抜粋\n\n" + TracingFixtures.seed()
                + "\n\n詳しくは [内閣府の資料](https://www.cao.go.jp/keizai_anzen_hosho/) と `banso` を参照。\n";
        TracedCopy copy = issue("text/markdown", markdown.getBytes(StandardCharsets.UTF_8));
        String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
        assertThat(marked).contains("(https://www.cao.go.jp/keizai_anzen_hosho/)", "`banso`", "# 研究開発");
        assertExcerptsTrace(marked, copy, 0, 12);
    }

    @Test
    void csvStillParsesWithTheSameHeaderAndValuesAndItsRowsLeadToTheRecipient() throws IOException { // R17
        for (String path : List.of("reference/technology-areas.csv", "reference/k-program-vision.csv",
                "datasets/ncses-sei-2020/pubs/t1821.csv")) {
            String csv = TracingFixtures.resource(path);
            TracedCopy copy = issue("text/csv", csv.getBytes(StandardCharsets.UTF_8));
            String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
            List<CSVRecord> before = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
            List<CSVRecord> after = CSVFormat.RFC4180.parse(new StringReader(marked)).getRecords();
            assertThat(after).as(path).hasSameSizeAs(before);
            assertThat(after.get(0).values()).as(path + " header untouched").containsExactly(before.get(0).values());
            for (int r = 1; r < before.size(); r++) {
                List<String> visible = new ArrayList<>();
                for (String value : after.get(r).values()) {
                    visible.add(TracingFixtures.visible(value));
                }
                assertThat(visible).as(path + " row " + r).containsExactly(before.get(r).values());
            }
            int headerEnd = csv.indexOf('\n') + 1;
            assertExcerptsTrace(marked, copy, headerEnd, 13);
        }
    }

    @Test
    void jsonStillParsesToTheSameKeysAndItsExcerptsLeadToTheRecipient() { // R17
        ArrayNode areas = json.createArrayNode();
        for (CSVRecord row : parse(TracingFixtures.resource("reference/technology-areas.csv"))) {
            ObjectNode area = areas.addObject();
            area.put("code", row.get(0));
            area.put("nameJa", row.get(1));
            area.put("nameEn", row.get(2));
            area.put("source", row.get(3));
            area.put("confirmed", "yes".equals(row.get(4)));
        }
        String original = json.writerWithDefaultPrettyPrinter().writeValueAsString(areas)
                .replace("\"source\"", "\"source\\u0020\\\"quoted\\\"\"");
        TracedCopy copy = issue("application/json", original.getBytes(StandardCharsets.UTF_8));
        String marked = new String(copy.bytes(), StandardCharsets.UTF_8);
        JsonNode before = json.readTree(original);
        JsonNode after = json.readTree(marked);
        assertThat(json.readTree(TracingFixtures.visible(after.toString()))).isEqualTo(before);
        assertThat(after.get(0).propertyNames()).containsExactlyElementsOf(before.get(0).propertyNames());
        assertExcerptsTrace(marked, copy, 0, 14);
    }

    /** Excerpts of 200 visible characters at the start, the end, and at seeded random places in between. */
    private void assertExcerptsTrace(String marked, TracedCopy copy, int firstStart, long seed) {
        int visible = TracingFixtures.visible(marked).length();
        int last = visible - 200;
        List<Integer> starts = new ArrayList<>(List.of(firstStart, (firstStart + last) / 2, last));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 60; i++) {
            starts.add(random.nextInt(firstStart, last + 1));
        }
        for (int start : starts) {
            String excerpt = TracingFixtures.excerpt(marked, start, 200);
            assertTracesToRecipient(excerpt.getBytes(StandardCharsets.UTF_8), copy,
                    "seed=" + seed + " excerpt at " + start + ": " + TracingFixtures.visible(excerpt));
        }
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- what cannot be traced ---

    @Test
    void formatsThatCannotCarryAFingerprintAreNotTraceableAndAreRefused() { // R17
        assertThat(copies.traceable("application/pdf")).isTrue();
        assertThat(copies.traceable("text/csv; charset=UTF-8")).isTrue();
        assertThat(copies.traceable("TEXT/PLAIN")).isTrue();
        assertThat(copies.traceable("text/markdown")).isTrue();
        assertThat(copies.traceable("application/json")).isTrue();
        for (String type : List.of("image/png", "application/zip", "application/octet-stream",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html", "")) {
            assertThat(copies.traceable(type)).as(type).isFalse();
        }
        assertThatThrownBy(() -> issue("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isInstanceOfSatisfying(BansoException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void aFileWithoutAKnownFingerprintTracesToNobody() { // R17
        assertThat(copies.trace(TracingFixtures.pdf(1))).isEmpty();
        assertThat(copies.trace(TracingFixtures.seed().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(copies.trace(new byte[0])).isEmpty();
        assertThat(copies.trace("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        // a well-formed mark of a fingerprint that was never issued
        TracedCopy issued = issue("text/plain", TracingFixtures.seed().getBytes(StandardCharsets.UTF_8));
        String forged = new String(issued.bytes(), StandardCharsets.UTF_8)
                .replace("\u200B", "\u0000").replace("\u200C", "\u200B").replace("\u0000", "\u200C");
        assertThat(copies.trace(forged.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
