package org.banso.information.internal.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.banso.shared.InstanceKeys;
import org.banso.shared.PrivateFiles;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The key-encryption keys of content (R17) in a password-protected PKCS#12 keystore, one entry per version
 * ({@code kek-1}, {@code kek-2}, …; the highest is current). The instance's keys, the same on every node (issue #19):
 * every node mounts the one keystore; at start the versions are checked against the database's fingerprints and the
 * first version is created only by a node that may create keys ({@link InstanceKeys}). Rotation adds a version (and
 * records it); a node that meets a version it has not loaded reads the keystore again. Data keys are re-wrapped by
 * {@link EncryptedContentStore#rewrapAll()}. Key material and the password never appear in logs or exception messages.
 */
@Component
class KeyEncryptionKeys implements SmartInitializingSingleton {

    static final String INSTANCE_KEY = "information-kek";

    private static final String PREFIX = "kek-";

    private final Path path;
    private final char[] password;
    private final SecureRandom random = new SecureRandom();
    private KeyStore store;
    /**
     * Key-encryption keys already taken out of the keystore. Reading one costs a PBKDF2 derivation (tens of
     * milliseconds, and the keystore is one lock): done for every content read, it serialised all downloads, traced
     * copies, viewer pages and search snippets behind each other (issue #13). A version never changes once made.
     */
    private final java.util.Map<String, SecretKey> opened = new java.util.concurrent.ConcurrentHashMap<>();

    private final InstanceKeys instanceKeys;

    KeyEncryptionKeys(ContentProperties properties, InstanceKeys instanceKeys) {
        this.path = properties.keystore().toAbsolutePath().normalize();
        this.instanceKeys = instanceKeys;
        try {
            PrivateFiles.createDirectory(path.getParent());
            this.password = password(properties.keystorePassword());
            this.store = load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the content keystore", e);
        }
    }

    /** At start: this node holds the instance's key-encryption keys (or creates the first, being first), or refuses. */
    @Override
    public void afterSingletonsInstantiated() {
        instanceKeys.ensure(INSTANCE_KEY, this::held, this::createFirst);
    }

    private synchronized java.util.Map<String, byte[]> held() {
        java.util.Map<String, byte[]> held = new java.util.LinkedHashMap<>();
        for (String id : ids()) {
            held.put(id, key(id).getEncoded());
        }
        return held;
    }

    private synchronized void createFirst() {
        generate();
    }

    synchronized String currentId() {
        List<String> ids = ids();
        return ids.get(ids.size() - 1);
    }

    SecretKey key(String id) {
        SecretKey known = opened.get(id);
        return known != null ? known : open(id);
    }

    private synchronized SecretKey open(String id) {
        SecretKey known = opened.get(id);
        if (known != null) {
            return known;
        }
        try {
            KeyStore.Entry entry = store.getEntry(id, new KeyStore.PasswordProtection(password));
            if (entry == null) {
                // another node may have rotated: its version is in the shared keystore
                store = load();
                entry = store.getEntry(id, new KeyStore.PasswordProtection(password));
            }
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                throw new IllegalStateException("Unknown key-encryption key " + id);
            }
            opened.put(id, secret.getSecretKey());
            return secret.getSecretKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read key-encryption key " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the content keystore again", e);
        }
    }

    /** Adds a new current version, saves the keystore and records the version for every node; answers its id. */
    synchronized String rotate() {
        try {
            // the keystore every node mounts may hold a version another node added since this one read it
            store = load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the content keystore again", e);
        }
        String id = generate();
        instanceKeys.record(INSTANCE_KEY, id, key(id).getEncoded());
        return id;
    }

    private String generate() {
        List<String> ids = ids();
        int next = ids.isEmpty() ? 1 : number(ids.get(ids.size() - 1)) + 1;
        String id = PREFIX + next;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            store.setEntry(id, new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection(password));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            PrivateFiles.write(path, bytes.toByteArray());
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not create a key-encryption key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the content keystore", e);
        }
    }

    private List<String> ids() {
        try {
            List<String> ids = Collections.list(store.aliases()).stream().filter(a -> a.startsWith(PREFIX))
                    .sorted(Comparator.comparingInt(KeyEncryptionKeys::number)).toList();
            return ids;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not list key-encryption keys", e);
        }
    }

    private static int number(String id) {
        return Integer.parseInt(id.substring(PREFIX.length()));
    }

    private KeyStore load() throws IOException {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    keyStore.load(in, password);
                }
            } else {
                keyStore.load(null, password);
            }
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open the content keystore (wrong password?)", e);
        }
    }

    /** The configured password, or the generated one kept beside the keystore (embedded default). */
    private char[] password(String configured) throws IOException {
        if (configured != null && !configured.isEmpty()) {
            return configured.toCharArray();
        }
        Path file = path.resolveSibling(path.getFileName() + ".password");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            PrivateFiles.write(file, Base64.getEncoder().encode(secret));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
    }
}
