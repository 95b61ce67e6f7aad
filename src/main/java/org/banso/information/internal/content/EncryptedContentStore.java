package org.banso.information.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.banso.shared.BansoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.banso.shared.ProblemCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AES-256-GCM content encryption with envelope keys (R17). Each content gets a fresh 256-bit data key and a random
 * 96-bit nonce; the content id is the additional authenticated data, so a blob moved under another row fails to
 * decrypt. The data key is kept only wrapped — AES-GCM under the current key-encryption key, with the content id and
 * the key id as additional data. The plaintext lives in memory only.
 *
 * <p>Ordering against crashes: the ciphertext is forced to disk before the row is inserted, and the row commits with
 * the caller's transaction; a rollback deletes the blob, and a crash in between leaves a blob without a row, which
 * {@link OrphanBlobCleanup} removes at the next start. So no row ever names a missing blob.
 */
@Component
class EncryptedContentStore implements ContentStore {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int REWRAP_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(EncryptedContentStore.class);

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final KeyEncryptionKeys keys;
    private final ContentProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ContentLimits limits;
    private final SecureRandom random = new SecureRandom();

    EncryptedContentStore(JdbcClient jdbc, BlobStore blobs, KeyEncryptionKeys keys, ContentProperties properties,
                          Clock clock, TransactionTemplate transactions, ContentLimits limits) {
        this.limits = limits;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredContent put(InputStream plaintext, String filename) {
        byte[] bytes = readBounded(plaintext);
        String mediaType = MediaTypes.detect(bytes, filename);
        if (mediaType == null) {
            throw new BansoException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Banso takes PDF, plain text, CSV, Markdown, JSON, PNG, JPEG and Office Open XML files; "
                            + "the type is decided from the file's bytes, not its name.");
        }
        limits.check(mediaType, bytes); // decompression bombs never get stored (issue #13)
        UUID id = UUID.randomUUID();
        String sha256 = sha256(bytes);
        SecretKey dataKey = newDataKey();
        byte[] nonce = nonce();
        byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, nonce, aad(id), bytes);
        String kekId = keys.currentId();
        byte[] wrapped = wrap(dataKey, id, kekId);

        blobs.put(id, ciphertext);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    blobs.delete(id);
                }
            }
        });
        jdbc.sql("""
                        insert into information_content (id, kek_id, wrapped_key, iv, sha256, size, media_type, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kekId, wrapped, nonce, sha256, (long) bytes.length, mediaType,
                        Timestamp.from(clock.instant()))
                .update();
        return new StoredContent(new ContentId(id), mediaType, bytes.length, sha256);
    }

    @Override
    public byte[] read(ContentId id) {
        Row row = jdbc.sql("select kek_id, wrapped_key, iv, sha256 from information_content where id = ?")
                .param(id.value())
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4)))
                .optional().orElseThrow(() -> new IllegalStateException("No content " + id.value()));
        byte[] ciphertext = blobs.get(id.value())
                .orElseThrow(() -> new IllegalStateException("The blob of content " + id.value() + " is missing"));
        SecretKey dataKey = unwrap(row.wrappedKey(), id.value(), row.kekId());
        byte[] plaintext = gcm(Cipher.DECRYPT_MODE, dataKey, row.nonce(), aad(id.value()), ciphertext);
        if (!MessageDigest.isEqual(sha256(plaintext).getBytes(), row.sha256().getBytes())) {
            throw new IllegalStateException("Content " + id.value() + " does not match its SHA-256");
        }
        return plaintext;
    }

    /**
     * Re-wraps every data key not yet under the current key-encryption key (after {@link KeyEncryptionKeys#rotate()}),
     * in batches of short transactions; the ciphertexts stay untouched. Answers how many keys were re-wrapped.
     */
    /**
     * Re-wraps every data key not yet under the current key-encryption key, in batches of their own transactions. A
     * data key that does not authenticate (a damaged row or a lost key version) keeps its old wrapping and is reported,
     * and the rotation goes on: one damaged row must not leave every other key under a key being retired.
     */
    Rewrap rewrapAll() {
        String current = keys.currentId();
        long total = 0;
        List<UUID> unreadable = new ArrayList<>();
        UUID after = new UUID(0, 0); // the least uuid in PostgreSQL's order
        while (true) {
            UUID from = after;
            RewrapBatch batch = transactions.execute(status -> rewrapBatch(current, from));
            if (batch == null || batch.last() == null) {
                return new Rewrap(total, List.copyOf(unreadable));
            }
            total += batch.rewrapped();
            unreadable.addAll(batch.unreadable());
            after = batch.last();
        }
    }

    private RewrapBatch rewrapBatch(String current, UUID after) {
        List<RewrapRow> rows = jdbc.sql("""
                        select id, kek_id, wrapped_key from information_content where kek_id <> ? and id > ?
                        order by id limit ? for update""")
                .params(current, after, REWRAP_BATCH)
                .query((rs, n) -> new RewrapRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
                .list();
        int rewrapped = 0;
        List<UUID> unreadable = new ArrayList<>();
        for (RewrapRow row : rows) {
            SecretKey dataKey;
            try {
                dataKey = unwrap(row.wrappedKey(), row.id(), row.kekId());
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.error("The data key of content {} does not authenticate under {}; it keeps that wrapping",
                        row.id(), row.kekId());
                unreadable.add(row.id());
                continue;
            }
            jdbc.sql("update information_content set kek_id = ?, wrapped_key = ? where id = ?")
                    .params(current, wrap(dataKey, row.id(), current), row.id()).update();
            rewrapped++;
        }
        return new RewrapBatch(rewrapped, unreadable, rows.isEmpty() ? null : rows.get(rows.size() - 1).id());
    }

    /** What a re-wrap did: data keys moved under the current key, and contents whose data key did not authenticate. */
    record Rewrap(long rewrapped, List<UUID> unreadable) {
    }

    private record RewrapBatch(int rewrapped, List<UUID> unreadable, UUID last) {
    }

    private byte[] readBounded(InputStream in) {
        long max = properties.maxSize().toBytes();
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new BansoException(ProblemCode.PAYLOAD_TOO_LARGE,
                        "The file is larger than the limit of " + properties.maxSize().toMegabytes() + " MB.");
            }
            if (bytes.length == 0) {
                throw BansoException.invalid("file", "The file is empty.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }

    private byte[] wrap(SecretKey dataKey, UUID contentId, String kekId) {
        byte[] nonce = nonce();
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keys.key(kekId), nonce, wrapAad(contentId, kekId), dataKey.getEncoded());
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    private SecretKey unwrap(byte[] wrapped, UUID contentId, String kekId) {
        byte[] nonce = java.util.Arrays.copyOfRange(wrapped, 0, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length);
        return new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, keys.key(kekId), nonce, wrapAad(contentId, kekId), sealed),
                "AES");
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("Content failed authentication (tampered or wrong key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] aad(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] wrapAad(UUID id, String kekId) {
        byte[] kek = kekId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(16 + kek.length).put(aad(id)).put(kek).array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String kekId, byte[] wrappedKey, byte[] nonce, String sha256) {
    }

    private record RewrapRow(UUID id, String kekId, byte[] wrappedKey) {
    }
}
