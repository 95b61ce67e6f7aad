package org.banso.information.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/** Real content for tracing tests: the seed's text, the reference CSVs, and PDFs written in Japanese. */
public final class TracingFixtures {

    private TracingFixtures() {
    }

    /** The seed document's opening sections, one paragraph per block. */
    public static String seed() {
        return resource("information/tracing/seed.txt");
    }

    public static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An A4 PDF of {@code pages} pages, each with a heading and some lines of the seed in IPA P Gothic. */
    public static byte[] pdf(int pages) {
        String[] lines = seed().replace("\n\n", "\n").split("\n");
        try (PDDocument document = new PDDocument();
             InputStream fontFile = new ClassPathResource("fonts/ipagp.ttf").getInputStream()) {
            PDType0Font font = PDType0Font.load(document, fontFile, true);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(60, 780);
                    content.showText("試験文書 第" + (p + 1) + "頁");
                    content.setFont(font, 10);
                    for (int l = 0; l < 12; l++) {
                        String line = lines[(p * 12 + l) % lines.length];
                        content.newLineAtOffset(0, -18);
                        content.showText(line.length() > 48 ? line.substring(0, 48) : line);
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stretch of the marked text holding exactly {@code visible} visible characters starting at visible index
     * {@code from}, without the invisible characters just before and after it (the least a reader could copy).
     */
    public static String excerpt(String marked, int from, int visible) {
        int seen = 0;
        int start = -1;
        int end = marked.length();
        for (int i = 0; i < marked.length(); i++) {
            if (isMarkChar(marked.charAt(i))) {
                continue;
            }
            if (seen == from) {
                start = i;
            }
            seen++;
            if (seen == from + visible) {
                end = i + 1;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("from " + from + " is beyond the text");
        }
        return marked.substring(start, end);
    }

    public static String visible(String marked) {
        StringBuilder out = new StringBuilder();
        marked.chars().filter(c -> !isMarkChar((char) c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static boolean isMarkChar(char c) {
        return c == '\u2060' || c == '\u200B' || c == '\u200C';
    }
}
