package org.banso.information.internal.content;

import java.io.InputStream;

import org.banso.shared.BansoException;

/**
 * Encrypted content at rest (R17): AES-256-GCM with a fresh data key per content, the data key wrapped by the
 * key-encryption key of the keystore (by key id, so the key can be rotated by re-wrapping); the SHA-256 of the
 * plaintext is checked on every read. The row joins the caller's transaction; a blob never outlives a rolled-back row,
 * nor a row its blob (orphans are cleaned up at start). Plaintext never touches the disk.
 */
public interface ContentStore {

    /**
     * Reads, sniffs the media type from the bytes, encrypts and stores.
     *
     * @throws BansoException {@code payload-too-large} beyond the configured limit, {@code unsupported-media-type}
     *                        for a type the module does not accept, {@code validation-failed} for empty content
     */
    StoredContent put(InputStream plaintext, String filename);

    /** Decrypts and verifies the SHA-256; a mismatch is an {@link IllegalStateException} (tampering). */
    byte[] read(ContentId id);

    record ContentId(java.util.UUID value) {
    }

    record StoredContent(ContentId id, String mediaType, long size, String sha256) {
    }
}
