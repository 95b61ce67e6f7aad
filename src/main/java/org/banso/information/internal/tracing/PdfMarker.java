package org.banso.information.internal.tracing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The PDF copy: on every page a visible footer in IPA P Gothic (recipient, organization, Japan time and the short
 * reference {@code Ref. xxxx-xxxx-xxxx-xxxx}, which survives printing to PDF and retyping) and the fingerprint token
 * twice as invisible text (rendering mode neither, so text extraction finds it after the file has been re-saved,
 * split or had its metadata stripped); in the document information dictionary and in the XMP metadata a custom
 * property with the fingerprint.
 */
final class PdfMarker {

    static final String INFO_KEY = "BansoFingerprint";
    private static final String XMP_NAMESPACE = "https://banso.example.jp/ns/trace/1.0/";
    private static final Pattern XMP_VALUE = Pattern.compile("banso:fingerprint>\\s*([0-9a-f]{16})\\s*<");
    private static final float FOOTER_SIZE = 7f;

    private PdfMarker() {
    }

    static byte[] mark(byte[] pdf, String fingerprint, String footer) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // a PDF protected by an owner password only opens with the empty user password; the copy drops the
            // protection (its restrictions would otherwise stop the footer) — the content is the same
            document.setAllSecurityToBeRemoved(true);
            PDType0Font font = JapaneseFont.load(document);
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String token = Fingerprints.token(fingerprint);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true,
                        true)) {
                    float natural = font.getStringWidth(footer) / 1000f;
                    // 7 pt, smaller on narrow pages so that the whole line stays on the page
                    float size = Math.max(3f, Math.min(FOOTER_SIZE, (box.getWidth() - 12f) / natural));
                    float width = natural * size;
                    float x = box.getLowerLeftX() + Math.max(4f, (box.getWidth() - width) / 2);
                    float y = box.getLowerLeftY() + 8f;
                    content.setNonStrokingColor(1f, 1f, 1f);
                    content.addRect(x - 2f, y - 2.5f, Math.min(width + 4f, box.getWidth()), size + 3f);
                    content.fill();
                    content.setNonStrokingColor(0.25f, 0.25f, 0.25f);
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(x, y);
                    content.showText(footer);
                    content.endText();
                    content.beginText();
                    content.setRenderingMode(RenderingMode.NEITHER);
                    content.setFont(helvetica, 1f);
                    content.newLineAtOffset(box.getLowerLeftX() + 2f, box.getLowerLeftY() + 2f);
                    content.showText(token);
                    content.newLineAtOffset(0f, box.getHeight() - 4f);
                    content.showText(token);
                    content.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCustomMetadataValue(INFO_KEY, fingerprint);
            PDMetadata existing = document.getDocumentCatalog().getMetadata();
            String packet = xmp(fingerprint);
            if (existing != null) {
                String old = new String(existing.toByteArray(), StandardCharsets.UTF_8);
                int end = old.lastIndexOf("</rdf:RDF>");
                if (end >= 0) {
                    packet = old.substring(0, end) + description(fingerprint) + old.substring(end);
                }
            }
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(packet.getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(metadata);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * Every fingerprint the PDF carries: metadata first, then page text.
     *
     * @throws IOException when the bytes are not a PDF PDFBox can read
     */
    static Set<String> find(byte[] pdf) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String info = document.getDocumentInformation().getCustomMetadataValue(INFO_KEY);
            if (info != null && info.matches("[0-9a-f]{16}")) {
                found.add(info);
            }
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata != null) {
                Matcher matcher = XMP_VALUE.matcher(new String(metadata.toByteArray(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            found.addAll(Fingerprints.find(stripper.getText(document)));
        }
        return found;
    }

    private static String xmp(String fingerprint) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + description(fingerprint)
                + " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static String description(String fingerprint) {
        return "  <rdf:Description rdf:about=\"\" xmlns:banso=\"" + XMP_NAMESPACE + "\">\n"
                + "   <banso:fingerprint>" + fingerprint + "</banso:fingerprint>\n"
                + "  </rdf:Description>\n";
    }

}
