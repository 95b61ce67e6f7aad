package org.banso.information.internal.content;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Ciphertexts as objects {@code <prefix><uuid>} in an S3-compatible bucket ({@code banso.information.content.store=s3},
 * issue #19), so that every node reads what any node stored. The same guarantees as the file store: a PUT has stored
 * the object durably when it answers (S3's contract), so the row naming it commits only afterwards; a rollback deletes
 * it; the orphan clean-up lists the bucket under the prefix. Only ciphertext is ever sent. Checksums are computed only
 * where the API requires them: S3-compatible servers differ in the newer checksum headers, while integrity is already
 * the AES-GCM tag's and the plaintext hash's.
 */
@Component
@ConditionalOnProperty(name = "banso.information.content.store", havingValue = "s3")
class S3BlobStore implements BlobStore, DisposableBean {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(S3Properties properties) {
        if (properties.bucket().isBlank()) {
            throw new IllegalStateException("banso.information.content.store=s3 needs banso.information.content.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyle())
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(properties.accessKey().isEmpty() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(),
                                properties.secretKey())));
        if (!properties.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        this.s3 = builder.build();
        this.bucket = properties.bucket();
        this.prefix = properties.prefix();
    }

    @Override
    public void put(UUID id, byte[] ciphertext) {
        s3.putObject(request -> request.bucket(bucket).key(key(id)).contentType("application/octet-stream"),
                RequestBody.fromBytes(ciphertext));
    }

    @Override
    public Optional<byte[]> get(UUID id) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(id))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(UUID id) {
        deleteKey(key(id));
    }

    @Override
    public void forEach(Consumer<StoredBlob> visitor) {
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()) {
            visitor.accept(new StoredBlob(object.key(), idOf(object.key()), object.lastModified()));
        }
    }

    @Override
    public void deleteKey(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public void destroy() {
        s3.close();
    }

    private String key(UUID id) {
        return prefix + id;
    }

    /** The content id of a key of ours; null for anything else under the prefix (cleaned up as a leftover). */
    private UUID idOf(String key) {
        try {
            return UUID.fromString(key.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
