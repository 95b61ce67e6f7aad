package org.banso.information.internal.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The media type of content, decided from its bytes (Apache Tika's magic detection); the file name only narrows a
 * type the bytes already show — text bytes named {@code .csv} are CSV, PDF bytes named {@code .csv} stay PDF, and
 * bytes that are not UTF-8 text are never taken for text whatever their name.
 */
final class MediaTypes {

    static final String PDF = "application/pdf";

    private static final Tika TIKA = new Tika();

    private static final Set<String> TEXT = Set.of("text/plain", "text/csv", "text/markdown", "application/json");

    private static final Set<String> ACCEPTED = Set.of(PDF, "text/plain", "text/csv", "text/markdown",
            "application/json", "image/png", "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private static final Map<String, String> CANONICAL = Map.of("text/x-web-markdown", "text/markdown");

    private MediaTypes() {
    }

    /** The accepted media type of the bytes, or null when Banso does not take such content. */
    static String detect(byte[] bytes, String filename) {
        String detected = TIKA.detect(bytes, safeName(filename));
        String type = CANONICAL.getOrDefault(detected, detected);
        if (TEXT.contains(type) || type.startsWith("text/")) {
            if (!isText(bytes)) {
                return null;
            }
            if (!TEXT.contains(type)) {
                type = "text/plain";
            }
        }
        return ACCEPTED.contains(type) ? type : null;
    }

    /** Strict UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    static boolean isText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String safeName(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
