package org.banso.information.internal.tracing;

/**
 * Inserts the invisible fingerprint mark into text formats often enough that any excerpt of 200 visible characters
 * holds a whole mark: a mark at the first preferred place once {@value #SOFT_GAP} visible characters have passed since
 * the last one, at any allowed place once {@value #HARD_GAP} have, so the gap stays at most about {@value #HARD_GAP}
 * wherever the format allows a place at all. Places keep each format valid and its meaning for machines:
 * <ul>
 *     <li>plain text: between two characters of a line, never inside a surrogate pair or before a combining mark;
 *     preferably after a space or punctuation;</li>
 *     <li>Markdown: as plain text, but not in fenced or inline code, link destinations, autolinks or URLs;</li>
 *     <li>CSV: inside the cells of data rows (not the header), never next to a quote, delimiter or line break;
 *     preferably in cells that are not numbers;</li>
 *     <li>JSON: inside string values only (never in keys, never inside an escape), so the document still parses.</li>
 * </ul>
 */
final class TextMarker {

    static final int SOFT_GAP = 80;
    static final int HARD_GAP = 100;

    private TextMarker() {
    }

    static String mark(String mediaType, String text, String fingerprint) {
        int n = text.length();
        byte[] places = switch (mediaType) {
            case MediaTypes.CSV -> csvPlaces(text);
            case MediaTypes.JSON -> jsonPlaces(text);
            case MediaTypes.MARKDOWN -> markdownPlaces(text);
            default -> plainPlaces(text);
        };
        String mark = Fingerprints.textMark(fingerprint);
        StringBuilder out = new StringBuilder(n + (n / SOFT_GAP + 2) * mark.length());
        int since = SOFT_GAP; // the first good place gets a mark
        for (int i = 0; i <= n; i++) {
            byte place = places[i];
            if ((place == PREFERRED && since >= SOFT_GAP) || (place == ALLOWED && since >= HARD_GAP)) {
                out.append(mark);
                since = 0;
            }
            if (i < n) {
                out.append(text.charAt(i));
                if (!Character.isHighSurrogate(text.charAt(i))) {
                    since++;
                }
            }
        }
        return out.toString();
    }

    static final byte NONE = 0;
    static final byte ALLOWED = 1;
    static final byte PREFERRED = 2;

    /** places[i]: may a mark go before text[i] (i == length: at the end)? */
    static byte[] plainPlaces(String text) {
        int n = text.length();
        byte[] places = new byte[n + 1];
        for (int i = 1; i < n; i++) {
            char before = text.charAt(i - 1);
            char after = text.charAt(i);
            if (isLineBreak(before) || isLineBreak(after) || Character.isLowSurrogate(after) || joinsPrevious(after)) {
                continue;
            }
            places[i] = Character.isWhitespace(before) || isPunctuation(before) ? PREFERRED : ALLOWED;
        }
        return places;
    }

    static byte[] markdownPlaces(String text) {
        byte[] places = plainPlaces(text);
        int n = text.length();
        boolean fenced = false;
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(lineStart, lineEnd);
            boolean fence = line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~");
            if (fenced || fence || line.startsWith("    ") || line.startsWith("\t")) {
                clear(places, lineStart, lineEnd + 1);
            } else {
                clearInlineSyntax(line, lineStart, places);
            }
            if (fence) {
                fenced = !fenced;
            }
            lineStart = lineEnd + 1;
        }
        return places;
    }

    /** Inline code, link destinations, autolinks and bare URLs. */
    private static void clearInlineSyntax(String line, int offset, byte[] places) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end = -1;
            if (c == '`') {
                end = line.indexOf('`', i + 1);
            } else if (c == '(' && i > 0 && line.charAt(i - 1) == ']') {
                end = line.indexOf(')', i + 1);
            } else if (c == '<') {
                end = line.indexOf('>', i + 1);
            }
            if (end > i) {
                clear(places, offset + i, offset + end + 1);
                i = end + 1;
            } else {
                i++;
            }
        }
        int start = 0;
        while (start < line.length()) {
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (line.substring(start, end).contains("://") || line.substring(start, end).contains("www.")) {
                clear(places, offset + start, offset + end + 1);
            }
            start = end + 1;
        }
        // headings, list markers and emphasis runs keep their syntax: no mark right after them
        int k = 0;
        while (k < line.length() && "#>*-+ 0123456789.)|".indexOf(line.charAt(k)) >= 0) {
            k++;
        }
        clear(places, offset, offset + k + 1);
    }

    static byte[] csvPlaces(String text) {
        int n = text.length();
        byte[] places = new byte[n + 1];
        boolean quoted = false;
        boolean header = true;
        // content[i]: text[i] is a character of a cell's value (not a quote, delimiter or record break)
        boolean[] content = new boolean[n];
        boolean[] numeric = new boolean[n];
        int cellStart = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++; // an escaped quote: neither character is a place's neighbour
                    } else {
                        quoted = false;
                    }
                } else {
                    content[i] = !header;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\r' || c == '\n') {
                markNumeric(text, cellStart, i, content, numeric);
                cellStart = i + 1;
                if (c == '\n') {
                    header = false;
                }
            } else {
                content[i] = !header;
            }
        }
        markNumeric(text, cellStart, n, content, numeric);
        for (int i = 1; i < n; i++) {
            if (content[i - 1] && content[i] && !Character.isLowSurrogate(text.charAt(i))
                    && !joinsPrevious(text.charAt(i))) {
                places[i] = numeric[i] ? ALLOWED : PREFERRED;
            }
        }
        return places;
    }

    private static void markNumeric(String text, int from, int to, boolean[] content, boolean[] numeric) {
        boolean number = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (content[i] && !(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                    || c == '%' || c == ' ')) {
                number = false;
                break;
            }
        }
        for (int i = from; i < to; i++) {
            numeric[i] = number;
        }
    }

    static byte[] jsonPlaces(String text) {
        int n = text.length();
        byte[] places = new byte[n + 1];
        int i = 0;
        while (i < n) {
            if (text.charAt(i) != '"') {
                i++;
                continue;
            }
            int start = i + 1;
            int j = start;
            while (j < n && text.charAt(j) != '"') {
                j += text.charAt(j) == '\\' ? (j + 1 < n && text.charAt(j + 1) == 'u' ? 6 : 2) : 1;
            }
            int end = Math.min(j, n); // index of the closing quote
            int k = end + 1;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            boolean key = k < n && text.charAt(k) == ':';
            if (!key) {
                int p = start;
                while (p <= end && p < n) {
                    char c = text.charAt(p);
                    if (p > start && !Character.isLowSurrogate(c) && !joinsPrevious(c)) {
                        char before = text.charAt(p - 1);
                        places[p] = before == ' ' || isPunctuation(before) ? PREFERRED : ALLOWED;
                    }
                    p += c == '\\' ? (p + 1 < n && text.charAt(p + 1) == 'u' ? 6 : 2) : 1;
                }
            }
            i = end + 1;
        }
        return places;
    }

    private static void clear(byte[] places, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(places.length, to); i++) {
            places[i] = NONE;
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isPunctuation(char c) {
        return c == '、' || c == '。' || c == '，' || c == '．' || c == ',' || c == '.' || c == ';' || c == '；'
                || c == '：' || c == '」' || c == '）';
    }

    /** Combining marks, variation selectors and joiners attach to the previous character. */
    private static boolean joinsPrevious(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || (c >= '\uFE00' && c <= '\uFE0F') || c == '\u200D'
                || c == '\u3099' || c == '\u309A';
    }
}
