package org.banso.information.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.banso.identity.UserId;
import org.banso.information.ItemId;
import org.banso.information.internal.tracing.PageViewer;
import org.banso.information.internal.tracing.TracedCopies;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** R17: view-only content leaves the server only as watermarked page images, and nothing is written to disk. */
@BansoIntegrationTest
class PageViewerTest {

    private static final String WATERMARK = "閲覧者 監査 太郎（経済安全保障推進室）2026-11-25 21:30 JST";

    @Autowired
    PageViewer viewer;
    @Autowired
    TracedCopies copies;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPdfPageIsAPngAtScreenResolutionWithTheWatermarkDrawnOverIt() throws IOException { // R17
        byte[] pdf = TracingFixtures.pdf(3);
        assertThat(viewer.viewable("application/pdf")).isTrue();
        assertThat(viewer.pageCount("application/pdf", pdf)).isEqualTo(3);
        byte[] png = viewer.renderPng("application/pdf", pdf, 1, WATERMARK);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage watermarked = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(watermarked.getWidth()).isBetween(880, 940); // A4 at ~110 dpi
        BufferedImage plain;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            plain = new PDFRenderer(document).renderImageWithDPI(1, 110, ImageType.RGB);
        }
        assertThat(differingPixels(plain, watermarked)).as("pixels changed by the watermark")
                .isGreaterThan(plain.getWidth() * plain.getHeight() / 50);
    }

    @Test
    void textIsPaginatedAtFiftyLinesAndDrawnWithAWatermarkNamingTheViewer() throws IOException { // R17
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            text.append("第").append(i).append("行 経済安全保障重要技術育成プログラム line ").append(i).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(viewer.pageCount("text/plain", bytes)).isEqualTo(3);
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(viewer.renderPng("text/plain", bytes, 0,
                WATERMARK)));
        BufferedImage other = ImageIO.read(new ByteArrayInputStream(viewer.renderPng("text/plain", bytes, 0,
                "閲覧者 別人 次郎（研究所）2026-11-25 21:31 JST")));
        assertThat(differingPixels(one, other)).as("another viewer's watermark changes the image").isPositive();
        BufferedImage last = ImageIO.read(new ByteArrayInputStream(viewer.renderPng("text/plain", bytes, 2,
                WATERMARK)));
        assertThat(differingPixels(one, last)).isPositive();
        assertThatThrownBy(() -> viewer.renderPng("text/plain", bytes, 3, WATERMARK))
                .isInstanceOfSatisfying(BansoException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND));
    }

    @Test
    void csvJsonMarkdownAndImagesAreViewableButArchivesAreNot() {
        assertThat(viewer.viewable("text/csv")).isTrue();
        assertThat(viewer.viewable("application/json")).isTrue();
        assertThat(viewer.viewable("text/markdown; charset=UTF-8")).isTrue();
        // #17: every council item the viewer can render is read in the browser, images included
        assertThat(viewer.viewable("image/png")).isTrue();
        assertThat(viewer.viewable("image/jpeg")).isTrue();
        assertThat(viewer.viewable("application/zip")).isFalse();
        assertThat(viewer.viewable("image/svg+xml")).isFalse();
        assertThatThrownBy(() -> viewer.renderPng("application/zip", new byte[] {1, 2}, 0, WATERMARK))
                .isInstanceOfSatisfying(BansoException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void issuingACopyAndRenderingPagesWriteNoFileToTheTempDirectoryOrTheDataDirectory() throws IOException { // R17
        Path temp = Paths.get(System.getProperty("java.io.tmpdir"));
        Path data = Paths.get("data");
        Set<String> tempBefore = javaTempFiles(temp);
        Set<String> dataBefore = listing(data);
        byte[] pdf = TracingFixtures.pdf(2);
        byte[] text = TracingFixtures.seed().getBytes(StandardCharsets.UTF_8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TracedCopies.Recipient recipient = new TracedCopies.Recipient(new UserId(java.util.UUID.randomUUID()),
                    "試験 利用者", "試験機関");
            copies.issue(ItemId.random(), null, 1, "application/pdf", pdf, recipient, java.time.Instant.now());
            copies.issue(ItemId.random(), null, 1, "text/plain", text, recipient, java.time.Instant.now());
        });
        viewer.renderPng("application/pdf", pdf, 0, WATERMARK);
        viewer.renderPng("text/plain", text, 0, WATERMARK);
        assertThat(javaTempFiles(temp)).as("temp files of ImageIO, AWT fonts or PDFBox")
                .isEqualTo(tempBefore);
        assertThat(listing(data)).isEqualTo(dataBefore);
    }

    /** Entries of the temp directory that ImageIO (imageio*.tmp), AWT (+~JF*.tmp) or PDFBox would create. */
    private static Set<String> javaTempFiles(Path temp) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(temp)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("imageio") || n.startsWith("+~JF") || n.toLowerCase().contains("pdfbox")
                            || n.endsWith(".tmp"))
                    .forEach(names::add);
        }
        return names;
    }

    private static Set<String> listing(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.walk(directory)) {
                entries.map(Path::toString).forEach(names::add);
            }
        }
        return names;
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
