package org.banso.information.internal.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Decompression bombs are refused before anything opens them (issue #13): a PDF whose compressed streams would
 * expand beyond {@code banso.information.limits.max-decoded-size}, holds an image larger than {@code max-image-pixels}
 * or more than {@code max-pdf-pages} pages; a PNG or JPEG whose header announces more than {@code max-image-pixels};
 * an Office Open XML archive with too many entries, too much content or an entry expanding more than
 * {@code max-archive-ratio} times. Checked at upload (refused as {@code 413 payload-too-large}) and again before the
 * viewer, a traced copy, a leak trace or the search index opens a PDF, since content stored earlier was never checked.
 * Nothing is kept in memory but counts: the expansion is measured by streaming into a counter.
 *
 * <p>PDFBox decodes a stream into memory without a limit (its {@code MemoryUsageSetting} bounds only what it writes),
 * and it decodes cross-reference and object streams while loading. So the Flate streams — where bombs live — are
 * measured on the raw bytes first, each layer of a Flate-in-Flate chain included, before PDFBox sees the file; the
 * other expanding filters (LZW, run length) are then measured through PDFBox's own filters into the counter.
 */
@Component
public class ContentLimits {

    private static final String PDF = "application/pdf";
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final List<COSName> EXPANDING = List.of(COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION,
            COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION);

    private final LimitsProperties limits;
    private final Semaphore renders;
    /** SHA-256 of PDFs found sound, so that the viewer's every page does not measure the document again. */
    private final Cache<String, Boolean> sound = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The default limits, for tools and benchmarks that run without Spring. */
    public static ContentLimits defaults() {
        return new ContentLimits(new LimitsProperties(org.springframework.util.unit.DataSize.ofMegabytes(256),
                50_000_000, 10_000, 100, 10_000, 20_000_000, 2, java.time.Duration.ofSeconds(2)));
    }

    ContentLimits(LimitsProperties limits) {
        this.limits = limits;
        this.renders = new Semaphore(Math.max(1, limits.concurrentRenders()));
    }

    /** Refuses content whose opening would cost more than the limits allow ({@code 413 payload-too-large}). */
    public void check(String mediaType, byte[] bytes) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith(PDF)) {
            checkPdf(bytes);
        } else if (type.startsWith("image/")) {
            checkImage(bytes);
        } else if (type.startsWith("application/vnd.openxmlformats-officedocument.")) {
            checkArchive(bytes);
        }
    }

    /** The check for a PDF, remembered by the document's SHA-256 once it passed. */
    public void checkPdf(byte[] pdf) {
        String key = sha256(pdf);
        if (sound.getIfPresent(key) != null) {
            return;
        }
        Budget budget = new Budget(limits.maxDecodedSize().toBytes());
        measureFlateStreams(pdf, budget);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() > limits.maxPdfPages()) {
                throw refused("The PDF has more than " + limits.maxPdfPages() + " pages.");
            }
            Map<COSObjectKey, Long> xref = document.getDocument().getXrefTable();
            for (Map.Entry<COSObjectKey, Long> entry : xref.entrySet()) {
                if (entry.getValue() == null || entry.getValue() < 0) {
                    continue; // in an object stream: never a stream itself
                }
                COSObject object = document.getDocument().getObjectFromPool(entry.getKey());
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSStream stream) {
                    checkStream(stream, budget);
                }
            }
        } catch (IOException e) {
            // not a PDF PDFBox can read: whoever opens it next fails in its own way, within the measured budget
            return;
        }
        sound.put(key, Boolean.TRUE);
    }

    /** Whether a page of this size in points fits the viewer's pixel budget at the given resolution. */
    public boolean pageFits(float widthPoints, float heightPoints, int dpi) {
        double pixels = Math.ceil(widthPoints / 72.0 * dpi) * Math.ceil(heightPoints / 72.0 * dpi);
        return widthPoints > 0 && heightPoints > 0 && pixels <= limits.maxPagePixels();
    }

    public long maxPagePixels() {
        return limits.maxPagePixels();
    }

    /**
     * Runs a render in one of the {@code concurrent-renders} slots, waiting at most {@code render-wait} for one;
     * otherwise {@code 503 service-unavailable}. The slots bound the memory renders take together.
     */
    public <T> T rendering(java.util.function.Supplier<T> render) {
        boolean acquired;
        try {
            acquired = renders.tryAcquire(limits.renderWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new BansoException(ProblemCode.SERVICE_UNAVAILABLE,
                    "The viewer is rendering as many pages as it can at the moment; try again shortly.");
        }
        try {
            return render.get();
        } finally {
            renders.release();
        }
    }

    private void checkStream(COSStream stream, Budget budget) throws IOException {
        if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
            long width = stream.getLong(COSName.WIDTH, stream.getLong(COSName.W, 0));
            long height = stream.getLong(COSName.HEIGHT, stream.getLong(COSName.H, 0));
            if (width < 0 || height < 0 || width * height > limits.maxImagePixels()) {
                throw refused("An image in the PDF is larger than " + limits.maxImagePixels() + " pixels.");
            }
        }
        List<COSName> filters = filterNames(stream.getFilters());
        if (filters.stream().noneMatch(EXPANDING::contains)) {
            return; // Flate was measured on the raw bytes; the other filters do not expand beyond their pixels
        }
        // decode through PDFBox's filters, each stage into a bounded buffer, the last into the counter
        byte[] data;
        try (InputStream raw = stream.createRawInputStream()) {
            data = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget.remaining() + 1));
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
            Bounded out = new Bounded(budget);
            filter.decode(new ByteArrayInputStream(data), out, stream, i);
            data = out.bytes();
        }
    }

    private static List<COSName> filterNames(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        if (filters instanceof org.apache.pdfbox.cos.COSArray array) {
            List<COSName> names = new java.util.ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
            return names;
        }
        return List.of();
    }

    /** Inflates every zlib stream that follows a {@code stream} keyword, layer after layer, into the budget. */
    private void measureFlateStreams(byte[] pdf, Budget budget) {
        for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
            int data = at + STREAM.length;
            if (data < pdf.length && pdf[data] == '\r') {
                data++;
            }
            if (data < pdf.length && pdf[data] == '\n') {
                data++;
            }
            if (data + 2 > pdf.length || !zlibHeader(pdf[data], pdf[data + 1])) {
                continue;
            }
            List<Inflater> inflaters = new java.util.ArrayList<>();
            try {
                InputStream layer = new ByteArrayInputStream(pdf, data, pdf.length - data);
                for (int depth = 0; depth < 4; depth++) {
                    Inflater inflater = new Inflater();
                    inflaters.add(inflater);
                    // every layer's output is counted: PDFBox would hold each stage of a filter chain in memory
                    PushbackInputStream decoded = new PushbackInputStream(
                            new Counted(new InflaterInputStream(layer, inflater, 8192), budget), 2);
                    byte[] head = decoded.readNBytes(2);
                    decoded.unread(head);
                    if (depth < 3 && head.length == 2 && zlibHeader(head[0], head[1])) {
                        layer = decoded; // Flate inside Flate: the inner layer reads the outer one as it goes
                        continue;
                    }
                    decoded.transferTo(OutputStream.nullOutputStream());
                    break;
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof BansoException refusal) {
                    throw refusal;
                }
                // not (or no longer) valid Flate data: what it inflated so far is counted
            } finally {
                inflaters.forEach(Inflater::end);
            }
        }
    }

    private void checkImage(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > limits.maxImagePixels()) {
                    throw refused("The image is " + width + " × " + height + " pixels; at most "
                            + limits.maxImagePixels() + " pixels are accepted.");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // an unreadable header: the image is stored as bytes and never decoded here
        }
    }

    private void checkArchive(byte[] bytes) {
        Budget budget = new Budget(limits.maxDecodedSize().toBytes());
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxArchiveEntries()) {
                    throw refused("The archive has more than " + limits.maxArchiveEntries() + " entries.");
                }
                long before = budget.used();
                drain(zip, budget);
                long expanded = budget.used() - before;
                long compressed = entry.getCompressedSize();
                if (expanded > 1_048_576 && compressed > 0 && expanded / compressed > limits.maxArchiveRatio()) {
                    throw refused("An entry of the archive expands " + expanded / compressed + " times; at most "
                            + limits.maxArchiveRatio() + " is accepted.");
                }
            }
        } catch (IOException e) {
            // a damaged archive: counted as far as it could be read
        }
    }

    private static void drain(InputStream in, Budget budget) throws IOException {
        byte[] buffer = new byte[16384];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            budget.take(n);
        }
    }

    private static boolean zlibHeader(byte cmf, byte flg) {
        return (cmf & 0x0F) == 8 && ((cmf & 0xFF) >> 4) <= 7 && (((cmf & 0xFF) << 8) | (flg & 0xFF)) % 31 == 0;
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BansoException refused(String why) {
        return new BansoException(ProblemCode.PAYLOAD_TOO_LARGE, why + " Such content could exhaust the server "
                + "when opened, so it is not accepted.");
    }

    /** The bytes a document may still expand to. */
    private final class Budget {

        private final long limit;
        private long used;

        Budget(long limit) {
            this.limit = limit;
        }

        void take(long n) {
            used += n;
            if (used > limit) {
                throw refused("Its compressed parts expand to more than " + limit / 1_048_576 + " MB.");
            }
        }

        long used() {
            return used;
        }

        long remaining() {
            return Math.max(0, limit - used);
        }
    }

    /** A stream whose bytes are counted against the budget as they are read. */
    private static final class Counted extends java.io.FilterInputStream {

        private final Budget budget;

        Counted(InputStream in, Budget budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                budget.take(n);
            }
            return n;
        }
    }

    /** A stage's output, counted against the budget as it is written. */
    private static final class Bounded extends OutputStream {

        private final Budget budget;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        Bounded(Budget budget) {
            this.budget = budget;
        }

        @Override
        public void write(int b) {
            budget.take(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            budget.take(len);
            bytes.write(b, off, len);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
