package org.banso.guideline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.banso.guideline.GuidelineModel.Measure;
import org.banso.guideline.GuidelineModel.Section;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.identity.OrganizationId;
import org.springframework.core.io.ClassPathResource;

/**
 * The guideline in force as an A4 PDF in Japanese, with a subset of IPA P Gothic embedded so that it renders the
 * same on any reader.
 */
public final class GuidelinePdf {

    private static final float MARGIN = 56.7f; // 20 mm
    private static final float BODY = 10.5f;
    private static final float LEADING = 1.75f;

    private final Function<OrganizationId, String> ministryName;
    private final Function<Enum<?>, String> label;
    private final String enforcedOn;

    /**
     * @param ministryName the Japanese name of a responsible ministry
     * @param label        the Japanese label of a measure kind or status
     * @param enforcedOn   the date the version came into force, as officials write it
     */
    public GuidelinePdf(Function<OrganizationId, String> ministryName, Function<Enum<?>, String> label,
                        String enforcedOn) {
        this.ministryName = ministryName;
        this.label = label;
        this.enforcedOn = enforcedOn;
    }

    public byte[] render(Version version) {
        try (PDDocument document = new PDDocument(); InputStream fontFile =
                new ClassPathResource("fonts/ipagp.ttf").getInputStream()) {
            PDType0Font font = PDType0Font.load(document, fontFile, true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(version.titleJa());
            info.setSubject("研究開発基本指針");
            info.setCreator("Banso");
            Writer writer = new Writer(document, font);
            writer.paragraph(version.titleJa(), 18f, 12f);
            writer.paragraph(version.titleEn(), 11f, 4f);
            writer.paragraph("施行日：" + enforcedOn, BODY, 16f);
            for (Section section : version.sections()) {
                writer.paragraph(section.position() + "　" + section.headingJa(), 13f, 6f);
                for (String paragraph : section.bodyJa().split("\\R")) {
                    writer.paragraph("　" + paragraph.strip(), BODY, 4f);
                }
                writer.space(8f);
            }
            writer.paragraph("支援策", 13f, 6f);
            for (Measure measure : version.measures()) {
                writer.paragraph("■ " + measure.titleJa(), 11f, 2f);
                writer.paragraph("種別：" + label.apply(measure.kind()) + "　担当府省：" + ministryName.apply(
                        measure.responsibleMinistryId()) + "　状況：" + label.apply(measure.status()), 9.5f, 2f);
                if (!measure.descriptionJa().isBlank()) {
                    writer.paragraph(measure.descriptionJa(), BODY, 6f);
                }
            }
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the guideline PDF", e);
        }
    }

    /** Lays out paragraphs top to bottom, starting pages as needed and numbering them. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void paragraph(String text, float size, float spaceAfter) throws IOException {
            JapaneseTypesetter typesetter = new JapaneseTypesetter(font, size);
            List<String> lines = typesetter.lines(text, width);
            for (String line : lines) {
                if (y - size * LEADING < MARGIN + 20) {
                    newPage();
                }
                y -= size * LEADING;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
            y -= spaceAfter;
        }

        void space(float points) {
            y -= points;
        }

        private void newPage() throws IOException {
            finishPage();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            pages++;
        }

        private void finishPage() throws IOException {
            if (content == null) {
                return;
            }
            String number = "— " + pages + " —";
            float numberWidth = font.getStringWidth(number) / 1000f * 9f;
            content.beginText();
            content.setFont(font, 9f);
            content.newLineAtOffset((PDRectangle.A4.getWidth() - numberWidth) / 2, MARGIN / 2);
            content.showText(number);
            content.endText();
            content.close();
        }

        void finish() throws IOException {
            finishPage();
            content = null;
        }
    }
}
