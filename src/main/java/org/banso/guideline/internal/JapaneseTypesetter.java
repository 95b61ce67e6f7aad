package org.banso.guideline.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Breaks Japanese (and mixed English) text into lines that fit a width, as Japanese typesetting expects: any
 * character boundary may break, Latin words stay whole, and the basic kinsoku rules (JIS X 4051) hold — closing
 * brackets, punctuation, small kana and the prolonged sound mark never start a line (they hang at its end instead),
 * opening brackets never end one.
 */
final class JapaneseTypesetter {

    private static final String NOT_AT_LINE_START = "、。，．,.・：；？！:;?!゛゜ヽヾゝゞ々ー―‐）)］]｝}」』】〕〉》”’"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ";
    private static final String NOT_AT_LINE_END = "（(［[｛{「『【〔〈《“‘";

    private final PDFont font;
    private final float size;

    JapaneseTypesetter(PDFont font, float size) {
        this.font = font;
        this.size = size;
    }

    /** The lines of one paragraph (no line feeds inside). */
    List<String> lines(String paragraph, float width) {
        List<String> units = units(printable(paragraph));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            float unitWidth = width(unit);
            boolean fits = lineWidth + unitWidth <= width;
            boolean hangs = !fits && line.length() > 0 && NOT_AT_LINE_START.indexOf(unit.charAt(0)) >= 0;
            if (fits || hangs || line.length() == 0) {
                line.append(unit);
                lineWidth += unitWidth;
                continue;
            }
            // an opening bracket left at the end of the line moves down with what follows it
            String carried = "";
            if (NOT_AT_LINE_END.indexOf(line.charAt(line.length() - 1)) >= 0 && line.length() > 1) {
                carried = line.substring(line.length() - 1);
                line.setLength(line.length() - 1);
            }
            lines.add(line.toString().stripTrailing());
            String start = carried + unit.stripLeading();
            line = new StringBuilder(start);
            lineWidth = width(start);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    float width(String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Latin words (with their trailing space) are single units; every other character is one by itself. */
    private static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isLatin(cp)) {
                while (end < text.length() && isLatin(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                while (end < text.length() && text.charAt(end) == ' ') {
                    end++;
                }
            }
            units.add(text.substring(i, end));
            i = end;
        }
        return units;
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80 && !Character.isWhitespace(cp) && "、。（）「」".indexOf(cp) < 0;
    }

    /** Replaces characters the font cannot draw (and control characters) so that rendering never fails. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
