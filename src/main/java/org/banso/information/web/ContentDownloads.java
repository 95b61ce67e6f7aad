package org.banso.information.web;

import java.nio.charset.StandardCharsets;

import org.banso.information.InformationItems.Content;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How content leaves the system, on the API and the pages alike: always as an attachment that the browser must not
 * sniff or keep, with the fingerprint of a traced copy in {@code Banso-Fingerprint}.
 */
final class ContentDownloads {

    private ContentDownloads() {
    }

    /** @param mediaType the type to declare; pages declare octet-stream so that no browser renders the bytes */
    static ResponseEntity<byte[]> attachment(Content content, MediaType mediaType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(content.filename(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        if (content.fingerprint() != null) {
            headers.set("Banso-Fingerprint", content.fingerprint());
        }
        return ResponseEntity.ok().headers(headers).contentType(mediaType).body(content.bytes());
    }

    /** The stored media type, or octet-stream when it does not parse. */
    static MediaType declaredType(Content content) {
        try {
            return MediaType.parseMediaType(content.mediaType());
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
