package org.banso.information.internal.tracing;

import java.util.Locale;
import java.util.Set;

/** The media types tracing and the viewer know, compared without parameters. */
final class MediaTypes {

    static final String PDF = "application/pdf";
    static final String PLAIN = "text/plain";
    static final String CSV = "text/csv";
    static final String MARKDOWN = "text/markdown";
    static final String JSON = "application/json";

    static final Set<String> TEXT = Set.of(PLAIN, CSV, MARKDOWN, JSON);
    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg");

    private MediaTypes() {
    }

    /** For example {@code Text/CSV; charset=UTF-8} becomes {@code text/csv}; null becomes the empty string. */
    static String essence(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isText(String mediaType) {
        return TEXT.contains(essence(mediaType));
    }

    static boolean isImage(String mediaType) {
        return IMAGES.contains(essence(mediaType));
    }

    static boolean isPdf(String mediaType) {
        return PDF.equals(essence(mediaType));
    }
}
