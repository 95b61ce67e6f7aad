package org.banso.information.internal.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.banso.information.internal.content.ContentLimits;
import org.banso.information.internal.content.DecompressionBombs;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.junit.jupiter.api.Test;

/**
 * The viewer renders within a memory budget (issue #13): the 476-byte PDF with a 14400 × 14400 pt page — which once
 * became a 55 MB PNG through a 3.7 GB heap, and four at once an OutOfMemoryError — is refused as {@code page-too-large}
 * before any raster exists, also by eight viewers at once; a bomb never reaches PDFBox.
 */
class ViewerLimitsTest {

    private final WatermarkedPages viewer = new WatermarkedPages(ContentLimits.defaults());

    @Test
    void aHugePageIsRefusedBeforeItIsRendered() throws Exception {
        byte[] pdf = DecompressionBombs.hugePagePdf();
        assertThat(pdf.length).isLessThan(1000);
        assertThat(viewer.pageCount(MediaTypes.PDF, pdf)).isEqualTo(1);
        ExecutorService viewers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                attempts.add(viewers.submit(() -> {
                    start.await();
                    try {
                        viewer.renderPng(MediaTypes.PDF, pdf, 0, "試験 閲覧者（内閣府）");
                        return null;
                    } catch (Throwable e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Throwable> attempt : attempts) {
                assertThat(attempt.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(BansoException.class,
                        e -> assertThat(e.code()).isIn(ProblemCode.PAGE_TOO_LARGE, ProblemCode.SERVICE_UNAVAILABLE));
            }
        } finally {
            viewers.shutdownNow();
        }
        assertThatThrownBy(() -> viewer.renderPng(MediaTypes.PDF, pdf, 0, "x"))
                .isInstanceOfSatisfying(BansoException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.PAGE_TOO_LARGE));
    }

    @Test
    void aBombIsRefusedBeforeThePageCountOrARender() throws Exception {
        byte[] bomb = DecompressionBombs.flateBombPdf(300, 1);
        assertThatThrownBy(() -> viewer.pageCount(MediaTypes.PDF, bomb)).isInstanceOfSatisfying(
                BansoException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE));
        assertThatThrownBy(() -> viewer.renderPng(MediaTypes.PDF, bomb, 0, "x")).isInstanceOfSatisfying(
                BansoException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void anOrdinaryPageStillRenders() throws Exception {
        byte[] png = viewer.renderPng(MediaTypes.PLAIN, "伴走支援の資料\n二行目".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), 0, "試験 閲覧者（内閣府）");
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
