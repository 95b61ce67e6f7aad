package org.banso.information.internal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/**
 * Decompression bombs are refused before anything opens them, from a count of what they would expand to — never by
 * expanding them into memory (issue #13). Ordinary documents pass.
 */
class ContentLimitsTest {

    private final ContentLimits limits = ContentLimits.defaults(); // 256 MB, 50 MP, 10,000 entries, ratio 100

    @Test
    void aPdfWhoseContentStreamInflatesTo300MbIsRefused() throws Exception {
        byte[] bomb = DecompressionBombs.flateBombPdf(300, 1);
        assertThat(bomb.length).as("a small file").isLessThan(1_000_000);
        assertRefused(() -> limits.checkPdf(bomb));
    }

    @Test
    void flateInsideFlateIsMeasuredLayerByLayer() throws Exception {
        byte[] bomb = DecompressionBombs.flateBombPdf(300, 2);
        assertThat(bomb.length).as("twice compressed: tiny").isLessThan(20_000);
        assertRefused(() -> limits.checkPdf(bomb));
    }

    @Test
    void aPngWhoseHeaderAnnouncesTenBillionPixelsIsRefusedWithoutDecodingIt() {
        byte[] png = DecompressionBombs.pngHeader(100_000, 100_000);
        assertThat(png.length).isLessThan(200);
        assertRefused(() -> limits.check("image/png", png));
    }

    @Test
    void aZipBombDressedAsADocxIsRefused() throws Exception {
        byte[] bomb = DecompressionBombs.zipBomb(300);
        assertThat(bomb.length).isLessThan(1_000_000);
        assertRefused(() -> limits.check(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb));
    }

    @Test
    void anArchiveEntryThatExpandsAThousandTimesIsRefusedEvenWhenSmall() throws Exception {
        byte[] bomb = DecompressionBombs.zipBomb(4); // 4 MB of zeros: ~4 KB compressed
        assertRefused(() -> limits.check(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bomb));
    }

    @Test
    void ordinaryDocumentsPass() throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 720);
                    content.showText("An ordinary page " + p);
                    content.endText();
                }
            }
            document.save(out);
            pdf = out.toByteArray();
        }
        byte[] finalPdf = pdf;
        assertThatCode(() -> limits.checkPdf(finalPdf)).doesNotThrowAnyException();
        assertThatCode(() -> limits.checkPdf(DecompressionBombs.flateBombPdf(8, 1))).as("8 MB of text is fine")
                .doesNotThrowAnyException();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", png);
        assertThatCode(() -> limits.check("image/png", png.toByteArray())).doesNotThrowAnyException();
        assertThatCode(() -> limits.check("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                smallDocx())).doesNotThrowAnyException();
    }

    @Test
    void theViewerPixelBudgetRefusesA14400PointPageAndTakesAnA0Poster() {
        assertThat(limits.pageFits(14400, 14400, 110)).isFalse();
        assertThat(limits.pageFits(PDRectangle.A0.getWidth(), PDRectangle.A0.getHeight(), 110)).isTrue();
        assertThat(limits.pageFits(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 110)).isTrue();
    }

    private static byte[] smallDocx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            StringBuilder xml = new StringBuilder("<w:document>");
            java.util.Random random = new java.util.Random(13);
            for (int i = 0; i < 20_000; i++) {
                xml.append("<w:t>").append(Long.toString(random.nextLong(), 36)).append("</w:t>");
            }
            zip.write(xml.append("</w:document>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable check) {
        long before = usedHeap();
        assertThatThrownBy(check).isInstanceOfSatisfying(BansoException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE));
        // counted, not expanded: the check itself never held the expansion (a generous bound over GC noise)
        assertThat(usedHeap() - before).isLessThan(200L << 20);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
