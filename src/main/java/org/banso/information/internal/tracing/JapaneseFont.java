package org.banso.information.internal.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * IPA P Gothic, read once from the classpath into memory and loaded into each document from there (no temp file, no
 * font cache on disk); embedded as a subset when the document is saved.
 */
final class JapaneseFont {

    private static final byte[] BYTES = read();

    private JapaneseFont() {
    }

    static PDType0Font load(PDDocument document) throws IOException {
        // (document, font, embed a subset, not vertical)
        return PDType0Font.load(document, new RandomAccessReadBuffer(BYTES), true, false);
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource("fonts/ipagp.ttf").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The IPA font is missing from the classpath", e);
        }
    }
}
