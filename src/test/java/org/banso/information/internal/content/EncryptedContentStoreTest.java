package org.banso.information.internal.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.banso.information.internal.content.ContentStore.StoredContent;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.support.BansoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Encryption of content at rest (R17): envelope keys, integrity, crash safety, rotation, and no plaintext on disk. */
@BansoIntegrationTest
class EncryptedContentStoreTest {

    @Autowired
    EncryptedContentStore store;
    @Autowired
    KeyEncryptionKeys keys;
    @Autowired
    BlobStore blobs;
    @Autowired
    OrphanBlobCleanup cleanup;
    @Autowired
    ContentProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void contentRoundTripsAndItsBlobHoldsOnlyCiphertext() { // R17
        byte[] text = ("秘密保持の対象となる研究成果 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredContent stored = put(text, "result.txt");

        assertThat(stored.mediaType()).isEqualTo("text/plain");
        assertThat(stored.size()).isEqualTo(text.length);
        assertThat(stored.sha256()).isEqualTo(EncryptedContentStore.sha256(text));
        assertThat(store.read(stored.id())).isEqualTo(text);
        byte[] blob = blobs.get(stored.id().value()).orElseThrow();
        assertThat(blob).hasSize(text.length + 16);
        assertThat(indexOf(blob, text)).isNegative();
    }

    @Test
    void eachContentGetsItsOwnDataKeyAndNonce() { // R17
        byte[] same = "same plaintext, twice".getBytes(StandardCharsets.UTF_8);
        StoredContent first = put(same, "a.txt");
        StoredContent second = put(same, "b.txt");
        assertThat(blobs.get(first.id().value()).orElseThrow()).isNotEqualTo(blobs.get(second.id().value()).orElseThrow());
        assertThat(column(first, "wrapped_key")).isNotEqualTo(column(second, "wrapped_key"));
        assertThat(column(first, "iv")).isNotEqualTo(column(second, "iv"));
    }

    @Test
    void aTamperedBlobIsRefusedOnRead() { // R17
        StoredContent stored = put("integrity matters".getBytes(StandardCharsets.UTF_8), "x.txt");
        byte[] blob = blobs.get(stored.id().value()).orElseThrow();
        blob[3] ^= 1;
        blobs.put(stored.id().value(), blob);
        assertThatThrownBy(() -> store.read(stored.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBlobMovedUnderAnotherRowDoesNotDecrypt() { // R17
        StoredContent one = put("first document".getBytes(StandardCharsets.UTF_8), "1.txt");
        StoredContent two = put("second document".getBytes(StandardCharsets.UTF_8), "2.txt");
        blobs.put(two.id().value(), blobs.get(one.id().value()).orElseThrow());
        assertThatThrownBy(() -> store.read(two.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRolledBackUploadLeavesNeitherRowNorBlob() { // R17
        UUID[] id = new UUID[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            id[0] = store.put(stream("will be rolled back"), "r.txt").id().value();
            throw new IllegalStateException("business rule refused");
        })).hasMessage("business rule refused");
        assertThat(blobs.get(id[0])).isEmpty();
        assertThat(rows(id[0])).isZero();
    }

    @Test
    void storingRequiresTheCallersTransaction() {
        assertThatThrownBy(() -> store.put(stream("no transaction"), "t.txt"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void contentBeyondTheLimitIsPayloadTooLargeAndNothingIsStored() {
        long before = allRows();
        byte[] big = new byte[(int) properties.maxSize().toBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> put(big, "big.txt")).isInstanceOf(BansoException.class)
                .extracting(e -> ((BansoException) e).code()).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE);
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void theMediaTypeComesFromTheBytesNotTheName() throws IOException {
        assertThat(put(pdf(), "looks-like.csv").mediaType()).isEqualTo("application/pdf");
        assertThat(put("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "table.csv").mediaType()).isEqualTo("text/csv");
        assertThat(put("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "data.json").mediaType())
                .isEqualTo("application/json");
        assertThat(put("# 見出し\n本文".getBytes(StandardCharsets.UTF_8), "notes.md").mediaType())
                .isEqualTo("text/markdown");
        assertThat(put("plain words".getBytes(StandardCharsets.UTF_8), "report.pdf").mediaType())
                .isEqualTo("text/plain");

        long before = allRows();
        byte[] binary = {0x4d, 0x5a, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, (byte) 0xff, (byte) 0xff};
        for (String name : List.of("innocent.txt", "innocent.pdf", "innocent.exe")) {
            assertThatThrownBy(() -> put(binary, name)).isInstanceOf(BansoException.class)
                    .extracting(e -> ((BansoException) e).code()).isEqualTo(ProblemCode.UNSUPPORTED_MEDIA_TYPE);
        }
        assertThatThrownBy(() -> put(new byte[0], "empty.txt")).isInstanceOf(BansoException.class)
                .extracting(e -> ((BansoException) e).code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void rotatingTheKeyEncryptionKeyRewrapsDataKeysAndContentStaysReadable() { // R17
        byte[] text = "rotation keeps old content readable".getBytes(StandardCharsets.UTF_8);
        StoredContent before = put(text, "old.txt");
        String oldKek = keys.currentId();
        byte[] blobBefore = blobs.get(before.id().value()).orElseThrow();

        String newKek = keys.rotate();
        assertThat(newKek).isNotEqualTo(oldKek);
        assertThat(store.read(before.id())).isEqualTo(text);
        assertThat(store.rewrapAll().rewrapped()).isPositive();

        assertThat(jdbc.sql("select count(*) from information_content where kek_id <> ?").param(newKek)
                .query(Long.class).single()).isZero();
        assertThat(store.read(before.id())).isEqualTo(text);
        assertThat(blobs.get(before.id().value()).orElseThrow()).isEqualTo(blobBefore);
        assertThat(put(text, "new.txt")).satisfies(s -> assertThat(column(s, "kek_id")).isEqualTo(newKek));
    }

    @Test
    void aDataKeyThatDoesNotAuthenticateIsReportedAndEveryOtherIsStillRewrapped() { // R17
        byte[] text = "rotation goes past a damaged key".getBytes(StandardCharsets.UTF_8);
        StoredContent damaged = put(text, "damaged.txt");
        StoredContent sound = put(text, "sound.txt");
        String oldKek = keys.currentId();
        byte[] wrapped = jdbc.sql("select wrapped_key from information_content where id = ?")
                .param(damaged.id().value()).query(byte[].class).single();
        wrapped[wrapped.length - 1] ^= 1;
        jdbc.sql("update information_content set wrapped_key = ? where id = ?").params(wrapped, damaged.id().value())
                .update();
        try {
            String newKek = keys.rotate();
            EncryptedContentStore.Rewrap rewrap = store.rewrapAll();

            assertThat(rewrap.unreadable()).containsExactly(damaged.id().value());
            assertThat(column(damaged, "kek_id")).as("kept its wrapping").isEqualTo(oldKek);
            assertThat(column(sound, "kek_id")).isEqualTo(newKek);
            assertThat(store.read(sound.id())).isEqualTo(text);
            assertThat(jdbc.sql("select count(*) from information_content where kek_id <> ? and id <> ?")
                    .params(newKek, damaged.id().value()).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("delete from information_content where id = ?").param(damaged.id().value()).update();
        }
    }

    @Test
    void theKeystoreIsPasswordProtectedPkcs12() throws Exception {
        java.security.KeyStore keyStore = java.security.KeyStore.getInstance("PKCS12");
        Path file = properties.keystore();
        try (var in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> keyStore.load(in, "wrong-password".toCharArray())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBlobLeftWithoutItsRowByACrashIsRemovedAtTheNextStartAndRowsKeepTheirBlobs() throws IOException { // R17
        StoredContent kept = put("committed content".getBytes(StandardCharsets.UTF_8), "kept.txt");
        UUID orphan = UUID.randomUUID();
        blobs.put(orphan, new byte[] {1, 2, 3}); // what a kill -9 between the blob write and the commit leaves
        UUID young = UUID.randomUUID();
        blobs.put(young, new byte[] {4, 5, 6}); // a transaction possibly still running elsewhere
        Path leftover = blobFile(kept.id().value()).resolveSibling("interrupted.tmp");
        Files.write(leftover, new byte[] {7});
        FileTime old = FileTime.from(Instant.now().minus(properties.orphanGrace()).minus(Duration.ofMinutes(1)));
        Files.setLastModifiedTime(blobFile(orphan), old);
        Files.setLastModifiedTime(blobFile(kept.id().value()), old);
        Files.setLastModifiedTime(leftover, old);

        assertThat(cleanup.removeOrphans()).isGreaterThanOrEqualTo(2);

        assertThat(blobs.get(orphan)).isEmpty();
        assertThat(leftover).doesNotExist();
        assertThat(blobs.get(young)).isPresent();
        assertThat(store.read(kept.id())).isEqualTo("committed content".getBytes(StandardCharsets.UTF_8));
        blobs.delete(young);
    }

    @Test
    void noPlaintextOfStoredContentReachesAnyFileUnderTheDataDirectories() throws IOException { // R17
        String marker = "BANSO-MARKER-" + UUID.randomUUID() + "-機密マーカー";
        byte[] text = ("本文 " + marker + " 終わり").getBytes(StandardCharsets.UTF_8);
        StoredContent stored = put(text, "secret.txt");
        assertThat(store.read(stored.id())).isEqualTo(text);
        jdbc.sql("checkpoint").update();

        List<byte[]> needles = List.of(marker.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_16LE), marker.getBytes(StandardCharsets.UTF_16BE));
        for (Path root : List.of(Path.of("target/test-blobs"), Path.of("target/test-keys"),
                Path.of("target/test-postgres"), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
                    byte[] bytes = readQuietly(file);
                    for (byte[] needle : needles) {
                        assertThat(indexOf(bytes, needle)).as("plaintext marker found in %s", file).isNegative();
                    }
                }
            }
        }
    }

    private StoredContent put(byte[] bytes, String name) {
        return transactions.execute(status -> store.put(new ByteArrayInputStream(bytes), name));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private Object column(StoredContent stored, String column) {
        Object value = jdbc.sql("select " + column + " from information_content where id = ?")
                .param(stored.id().value()).query((rs, n) -> rs.getObject(1)).single();
        return value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value;
    }

    private long rows(UUID id) {
        return jdbc.sql("select count(*) from information_content where id = ?").param(id).query(Long.class).single();
    }

    private long allRows() {
        return jdbc.sql("select count(*) from information_content").query(Long.class).single();
    }

    private Path blobFile(UUID id) {
        return properties.blobDirectory().resolve(id.toString().substring(0, 2)).resolve(id.toString());
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.size(file) > 256L * 1024 * 1024 ? new byte[0] : Files.readAllBytes(file);
        } catch (IOException vanishedOrLocked) {
            return new byte[0];
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
