package org.banso.information.internal.tracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.banso.information.tracing.TracingFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU work of a traced download (R17, issue 4 target: a traced 100-page PDF in ≤ 300 ms): load the 100-page PDF,
 * draw the footer (IPA P Gothic subset) and the invisible fingerprint on every page, set the metadata, save. Also the
 * text path on the largest reference CSV and one watermarked viewer page. The database insert of the copy's row is
 * not included (one indexed insert in the caller's transaction).
 *
 * <p>In {@code org.banso.information.internal.tracing} to reach the package-private markers.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TracedCopyBenchmark {

    private byte[] pdf;
    private String csv;
    private String fingerprint;
    private String footer;
    private WatermarkedPages viewer;

    @Setup
    public void setUp() throws IOException {
        pdf = TracingFixtures.pdf(100);
        csv = TracingFixtures.resource("datasets/ncses-sei-2020/pubs/t1821.csv");
        fingerprint = Fingerprints.random();
        footer = "交付先：経済 花子（量子技術研究所）　2026-11-25 21:30 JST　複製・転送禁止";
        viewer = new WatermarkedPages();
        byte[] marked = PdfMarker.mark(pdf, fingerprint, footer);
        try (PDDocument document = Loader.loadPDF(marked)) {
            if (document.getNumberOfPages() != 100 || !PdfMarker.find(marked).contains(fingerprint)) {
                throw new IllegalStateException("the traced copy no longer has 100 pages and the fingerprint");
            }
        }
        if (!Fingerprints.find(TextMarker.mark(MediaTypes.CSV, csv, fingerprint)).contains(fingerprint)) {
            throw new IllegalStateException("the CSV copy no longer carries the fingerprint");
        }
    }

    @Benchmark
    public byte[] tracedPdf100Pages() throws IOException {
        return PdfMarker.mark(pdf, fingerprint, footer);
    }

    @Benchmark
    public byte[] tracedCsv50KB() {
        return TextMarker.mark(MediaTypes.CSV, csv, fingerprint).getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] viewerPagePng() {
        return viewer.renderPng(MediaTypes.PDF, pdf, 50, "閲覧者 監査 太郎（経済安全保障推進室）2026-11-25 21:30 JST");
    }
}
