package org.banso.information.internal.content;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param blobDirectory    where the file-system blob store keeps ciphertexts
 * @param maxSize          the largest content accepted ({@code payload-too-large} beyond)
 * @param keystore         the PKCS#12 keystore holding the key-encryption keys (created on first start)
 * @param keystorePassword its password; when empty, a random one is generated on first start and kept beside the
 *                         keystore in an owner-only file (the embedded default — set it in production)
 * @param orphanGrace      a blob without a row older than this is removed at start (a crash between writing the blob
 *                         and committing its row); younger ones may belong to a transaction still running elsewhere
 */
@ConfigurationProperties("banso.information.content")
record ContentProperties(@DefaultValue("data/blobs") Path blobDirectory,
                         @DefaultValue("25MB") DataSize maxSize,
                         @DefaultValue("data/keys/information-kek.p12") Path keystore,
                         @DefaultValue("") String keystorePassword,
                         @DefaultValue("PT10M") Duration orphanGrace) {
}
