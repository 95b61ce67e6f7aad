package org.banso.shared;

/**
 * Text for a cell of a CSV export that a spreadsheet program will open (OWASP "CSV injection"): a text that would start
 * a formula — {@code = + - @}, their full-width forms, a tab or a carriage return first — gets a leading apostrophe, so
 * {@code =HYPERLINK(…)} is shown as text and never evaluated. Numbers are not texts and stay as they are. Every CSV
 * export writes its text cells through {@link #text}.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

    private CsvCells() {
    }

    /** The text as a harmless cell ({@code null} becomes empty). */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
