package org.banso.shared;

import java.util.List;
import java.util.Optional;

/**
 * Named secret keys of this Banso instance (the audit log's signing key, later the information module's
 * key-encryption key), each in versions identified by a key id so that a key can be rotated while older data stays
 * verifiable or decryptable. The material never appears in logs or exception messages.
 */
public interface KeyStore {

    /** The version new work uses, if the key exists. */
    Optional<StoredKey> current(String name);

    /** A given version, current or retired. */
    Optional<StoredKey> version(String name, String id);

    /** Every version of the key, in no particular order. */
    List<StoredKey> versions(String name);

    /**
     * Stores a new version and makes it current. Names and ids are lower-case letters, digits, '.', '_' and '-'.
     *
     * @throws IllegalStateException if that version exists already
     */
    StoredKey add(String name, String id, byte[] material);

    /** One version of a key. {@link #toString()} leaves the material out. */
    record StoredKey(String name, String id, byte[] material) {

        public StoredKey {
            material = material.clone();
        }

        @Override
        public byte[] material() {
            return material.clone();
        }

        @Override
        public String toString() {
            return "StoredKey[" + name + "/" + id + "]";
        }
    }
}
