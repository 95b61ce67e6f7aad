package org.banso.information.internal.content;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where ciphertexts live, keyed by the content id. Only ciphertext ever reaches a blob store. The file-system adapter
 * is the default; an S3-compatible adapter implements the same port.
 */
interface BlobStore {

    /** Stores durably (on disk when this returns) — the row that names the blob is committed only afterwards. */
    void put(UUID id, byte[] ciphertext);

    Optional<byte[]> get(UUID id);

    void delete(UUID id);

    /** Every stored blob with its last-modified instant, for the orphan clean-up. */
    void forEach(Consumer<StoredBlob> visitor);

    /** Removes a stored blob or a leftover of an interrupted write, by its key. */
    void deleteKey(String key);

    /**
     * @param key where the store keeps it (for {@link #deleteKey})
     * @param id  the content id, or null for a leftover of an interrupted write
     */
    record StoredBlob(String key, UUID id, Instant modifiedAt) {
    }
}
