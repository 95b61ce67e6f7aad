package org.banso.information.internal.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.banso.support.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The S3 blob store against a real S3 server (s3proxy in its own JVM): what the content store and the orphan clean-up
 * rely on — stored bytes come back unchanged, a missing blob is empty rather than an error, the listing under the
 * prefix names each content (and a leftover by its key only), deletion by id and by key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3BlobStoreTests {

    private S3ProxyServer server;
    private S3BlobStore store;
    private S3BlobStore otherPrefix;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s3-blobs-");
        server = S3ProxyServer.start(dir);
        store = new S3BlobStore(properties("banso/"));
        otherPrefix = new S3BlobStore(properties("else/"));
    }

    private S3Properties properties(String prefix) {
        return new S3Properties(server.endpoint(), "us-east-1", S3ProxyServer.BUCKET, prefix, true,
                S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        store.destroy();
        otherPrefix.destroy();
        server.close();
    }

    @Test
    void storedBytesComeBackUnchangedAndDeletionRemovesThem() {
        UUID id = UUID.randomUUID();
        byte[] ciphertext = new byte[70_000];
        new java.util.Random(19).nextBytes(ciphertext);

        store.put(id, ciphertext);

        assertThat(store.get(id)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(ciphertext));
        assertThat(server.bucketDirectory().resolve("banso").resolve(id.toString())).exists();
        store.delete(id);
        assertThat(store.get(id)).isEmpty();
    }

    @Test
    void aMissingBlobIsEmptyNotAnError() {
        assertThat(store.get(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theListingNamesOurBlobsUnderThePrefixAndLeftoversByKeyOnly() throws Exception {
        UUID id = UUID.randomUUID();
        store.put(id, new byte[] {1, 2, 3});
        otherPrefix.put(UUID.randomUUID(), new byte[] {4});
        Files.writeString(server.bucketDirectory().resolve("banso").resolve("leftover.tmp"), "x");

        List<BlobStore.StoredBlob> listed = new ArrayList<>();
        store.forEach(listed::add);

        assertThat(listed).anySatisfy(blob -> {
            assertThat(blob.id()).isEqualTo(id);
            assertThat(blob.key()).isEqualTo("banso/" + id);
            assertThat(blob.modifiedAt()).isNotNull();
        });
        assertThat(listed).anySatisfy(blob -> {
            assertThat(blob.key()).isEqualTo("banso/leftover.tmp");
            assertThat(blob.id()).isNull();
        });
        assertThat(listed).allSatisfy(blob -> assertThat(blob.key()).startsWith("banso/"));

        store.deleteKey("banso/leftover.tmp");
        List<String> after = new ArrayList<>();
        store.forEach(blob -> after.add(blob.key()));
        assertThat(after).doesNotContain("banso/leftover.tmp").contains("banso/" + id);
    }
}
