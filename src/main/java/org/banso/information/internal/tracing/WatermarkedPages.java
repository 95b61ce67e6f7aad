package org.banso.information.internal.tracing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.banso.information.internal.content.ContentLimits;
import org.banso.shared.BansoException;
import org.springframework.stereotype.Component;

/**
 * {@link PageViewer} with PDFBox: a PDF page, a page of about {@value #LINES_PER_PAGE} lines of text set in IPA P
 * Gothic on an A4 page, or a PNG or JPEG image fitted on one A4 page (turned to landscape for a wide image) gets the watermark drawn diagonally and semi-transparently across it in the PDF itself and is
 * then rendered at {@value #DPI} dpi to PNG. Everything stays in memory: documents are read from and written to byte
 * arrays, the font comes from memory, and ImageIO's disk cache is off.
 */
@Component
class WatermarkedPages implements PageViewer {

    static final int LINES_PER_PAGE = 50;
    static final int DPI = 110;
    /** Columns of a text line; a full-width character takes two. */
    static final int COLUMNS = 100;
    private static final float TEXT_SIZE = 9.5f;
    private static final float LEADING = 15f;
    private static final float MARGIN = 42f;
    private static final float WATERMARK_SIZE = 15f;

    private final ContentLimits limits;

    /** With the default limits (benchmarks). */
    WatermarkedPages() {
        this(ContentLimits.defaults());
    }

    @org.springframework.beans.factory.annotation.Autowired
    WatermarkedPages(ContentLimits limits) {
        this.limits = limits;
        ImageIO.setUseCache(false);
    }

    @Override
    public boolean viewable(String mediaType) {
        return MediaTypes.isPdf(mediaType) || MediaTypes.isText(mediaType) || MediaTypes.isImage(mediaType);
    }

    @Override
    public int pageCount(String mediaType, byte[] plaintext) {
        if (MediaTypes.isPdf(mediaType)) {
            limits.checkPdf(plaintext);
            try (PDDocument document = Loader.loadPDF(plaintext)) {
                return document.getNumberOfPages();
            } catch (IOException e) {
                throw new UncheckedIOException("The PDF cannot be read", e);
            }
        }
        requireViewable(mediaType);
        if (MediaTypes.isImage(mediaType)) {
            limits.check(mediaType, plaintext); // its pixels are counted before anything decodes it
            return 1;
        }
        return Math.max(1, (lines(plaintext).size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
    }

    @Override
    public byte[] renderPng(String mediaType, byte[] plaintext, int page, String watermark) {
        requireViewable(mediaType);
        if (MediaTypes.isPdf(mediaType)) {
            limits.checkPdf(plaintext);
        } else if (MediaTypes.isImage(mediaType)) {
            limits.check(mediaType, plaintext);
        }
        // at most banso.information.limits.concurrent-renders at once: together they stay within a memory budget
        return limits.rendering(() -> render(mediaType, plaintext, page, watermark));
    }

    private byte[] render(String mediaType, byte[] plaintext, int page, String watermark) {
        try (PDDocument document = MediaTypes.isPdf(mediaType) ? Loader.loadPDF(plaintext) : new PDDocument()) {
            PDType0Font font = JapaneseFont.load(document);
            PDPage target;
            if (MediaTypes.isPdf(mediaType)) {
                if (page < 0 || page >= document.getNumberOfPages()) {
                    throw BansoException.notFound("The page");
                }
                target = document.getPage(page);
            } else if (MediaTypes.isImage(mediaType)) {
                if (page != 0) {
                    throw BansoException.notFound("The page");
                }
                target = imagePage(document, plaintext);
            } else {
                List<String> lines = lines(plaintext);
                int from = page * LINES_PER_PAGE;
                if (page < 0 || (from >= lines.size() && page > 0)) {
                    throw BansoException.notFound("The page");
                }
                target = textPage(document, font, lines.subList(Math.min(from, lines.size()),
                        Math.min(from + LINES_PER_PAGE, lines.size())));
            }
            PDRectangle size = target.getCropBox();
            if (!limits.pageFits(size.getWidth(), size.getHeight(), DPI)) {
                throw new BansoException(org.banso.shared.ProblemCode.PAGE_TOO_LARGE, "This page is "
                        + Math.round(size.getWidth()) + " × " + Math.round(size.getHeight()) + " pt; at " + DPI
                        + " dpi it would exceed the viewer's " + limits.maxPagePixels() + " pixels.");
            }
            watermark(document, target, font, watermark);
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true); // images drawn at the page's resolution, not their own
            BufferedImage image = renderer.renderImageWithDPI(document.getPages().indexOf(target), DPI,
                    ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The page could not be rendered", e);
        }
    }

    private void requireViewable(String mediaType) {
        if (!viewable(mediaType)) {
            throw new BansoException(org.banso.shared.ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content of this type cannot be shown in the viewer.");
        }
    }

    private static PDPage textPage(PDDocument document, PDType0Font font, List<String> lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, TEXT_SIZE);
            content.setLeading(LEADING);
            content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
            for (String line : lines) {
                content.newLine();
                content.showText(printable(font, line));
            }
            content.endText();
        }
        return page;
    }

    /** The image scaled down (never up) to fit within the margins of an A4 page, landscape when it is wider. */
    private static PDPage imagePage(PDDocument document, byte[] image) throws IOException {
        PDImageXObject picture = PDImageXObject.createFromByteArray(document, image, "image");
        PDRectangle a4 = picture.getWidth() > picture.getHeight()
                ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        PDPage page = new PDPage(a4);
        document.addPage(page);
        float width = a4.getWidth() - 2 * MARGIN;
        float height = a4.getHeight() - 2 * MARGIN;
        float scale = Math.min(1f, Math.min(width / picture.getWidth(), height / picture.getHeight()));
        float w = picture.getWidth() * scale;
        float h = picture.getHeight() * scale;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(picture, MARGIN + (width - w) / 2, a4.getHeight() - MARGIN - h, w, h);
        }
        return page;
    }

    /** The watermark repeated along diagonal rows across the whole page, light grey at 22 % opacity. */
    private static void watermark(PDDocument document, PDPage page, PDType0Font font, String watermark)
            throws IOException {
        String text = printable(font, watermark == null ? "" : watermark.strip());
        if (text.isEmpty()) {
            return;
        }
        PDRectangle box = page.getCropBox();
        float textWidth = font.getStringWidth(text) / 1000f * WATERMARK_SIZE;
        float step = textWidth + 48f;
        float diagonal = (float) Math.hypot(box.getWidth(), box.getHeight());
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.22f);
        try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
            content.setGraphicsStateParameters(translucent);
            content.setNonStrokingColor(0.35f, 0.35f, 0.4f);
            content.beginText();
            content.setFont(font, WATERMARK_SIZE);
            double angle = Math.toRadians(33);
            float centreX = box.getLowerLeftX() + box.getWidth() / 2;
            float centreY = box.getLowerLeftY() + box.getHeight() / 2;
            int row = 0;
            for (float y = -diagonal / 2; y <= diagonal / 2; y += 84f, row++) {
                float shift = (row % 2) * step / 2;
                for (float x = -diagonal / 2 - shift; x <= diagonal / 2; x += step) {
                    Matrix matrix = Matrix.getRotateInstance(angle, centreX, centreY);
                    matrix.translate(x, y);
                    content.setTextMatrix(matrix);
                    content.showText(text);
                }
            }
            content.endText();
        }
    }

    /** Lines of the text, tabs expanded, each wrapped to {@value #COLUMNS} columns. */
    static List<String> lines(byte[] plaintext) {
        String text = new String(plaintext, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R", -1)) {
            String expanded = line.replace("\t", "    ");
            StringBuilder current = new StringBuilder();
            int columns = 0;
            for (int i = 0; i < expanded.length(); ) {
                int cp = expanded.codePointAt(i);
                int width = wide(cp) ? 2 : 1;
                if (columns + width > COLUMNS) {
                    lines.add(current.toString());
                    current.setLength(0);
                    columns = 0;
                }
                current.appendCodePoint(cp);
                columns += width;
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
        }
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x1F300);
    }

    /** Drops control and invisible characters and replaces what the font cannot draw with a white square. */
    private static String printable(PDType0Font font, String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('□');
            }
        });
        return out.toString();
    }
}
