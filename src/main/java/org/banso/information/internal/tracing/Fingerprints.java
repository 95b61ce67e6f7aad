package org.banso.information.internal.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fingerprint is a random 64-bit number, written as 16 lower-case hex digits. In text it travels as an invisible
 * mark: a word joiner (U+2060), 64 + 16 bits as zero-width space (0) / zero-width non-joiner (1), another word
 * joiner; the 16 extra bits are a check that drops marks damaged by editing. In PDF page text it travels as the
 * token {@code BANSO-FP-<16 hex>-<4 hex check>}.
 */
final class Fingerprints {

    static final char FRAME = '\u2060';
    static final char ZERO = '\u200B';
    static final char ONE = '\u200C';
    static final int BITS = 80;
    static final int MARK_LENGTH = BITS + 2;

    private static final Pattern TEXT_MARK = Pattern.compile("\u2060([\u200B\u200C]{" + BITS + "})\u2060");
    private static final Pattern TOKEN = Pattern.compile("BANSO-FP-([0-9a-f]{16})-([0-9a-f]{4})");
    private static final Pattern REFERENCE = Pattern.compile(
            "Ref\\.\\s*([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fingerprints() {
    }

    static String random() {
        return HEX.toHexDigits(RANDOM.nextLong());
    }

    static long value(String fingerprint) {
        return HexFormat.fromHexDigitsToLong(fingerprint);
    }

    /** 16 bits mixed from all 64 (a bad mark almost never passes). */
    static int check(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 29)) * 0xBF58476D1CE4E5B9L;
        return (int) ((z ^ (z >>> 32)) & 0xFFFF);
    }

    static String textMark(String fingerprint) {
        long value = value(fingerprint);
        int check = check(value);
        StringBuilder mark = new StringBuilder(MARK_LENGTH).append(FRAME);
        for (int bit = 63; bit >= 0; bit--) {
            mark.append(((value >>> bit) & 1) == 0 ? ZERO : ONE);
        }
        for (int bit = 15; bit >= 0; bit--) {
            mark.append(((check >>> bit) & 1) == 0 ? ZERO : ONE);
        }
        return mark.append(FRAME).toString();
    }

    static String token(String fingerprint) {
        return "BANSO-FP-" + fingerprint + "-" + HEX.toHexDigits((short) check(value(fingerprint)));
    }

    /** The visible reference printed in a PDF copy's footer: {@code Ref. 1a2b-3c4d-5e6f-7a8b}. */
    static String reference(String fingerprint) {
        return "Ref. " + fingerprint.substring(0, 4) + "-" + fingerprint.substring(4, 8) + "-"
                + fingerprint.substring(8, 12) + "-" + fingerprint.substring(12, 16);
    }

    /**
     * Every well-formed fingerprint in the text, whether as invisible marks, tokens or visible footer references, in
     * order of appearance.
     */
    static Set<String> find(CharSequence text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher marks = TEXT_MARK.matcher(text);
        while (marks.find()) {
            String bits = marks.group(1);
            long value = 0;
            for (int i = 0; i < 64; i++) {
                value = (value << 1) | (bits.charAt(i) == ONE ? 1 : 0);
            }
            int check = 0;
            for (int i = 64; i < BITS; i++) {
                check = (check << 1) | (bits.charAt(i) == ONE ? 1 : 0);
            }
            if (check == check(value)) {
                found.add(HEX.toHexDigits(value));
            }
        }
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            String fingerprint = tokens.group(1);
            if (HexFormat.fromHexDigits(tokens.group(2)) == check(value(fingerprint))) {
                found.add(fingerprint);
            }
        }
        Matcher references = REFERENCE.matcher(text);
        while (references.find()) {
            found.add(references.group(1) + references.group(2) + references.group(3) + references.group(4));
        }
        return found;
    }

    /** The text without the invisible characters the marks use (what a reader sees). */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != FRAME && c != ZERO && c != ONE) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
