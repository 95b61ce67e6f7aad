package org.banso.information.internal.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Issue #4: encrypted upload + download through {@link EncryptedContentStore} (data key, AES-256-GCM, key wrapping,
 * forced blob write, row insert on PostgreSQL, blob read, unwrap, decrypt, SHA-256 check) against raw AES-256-GCM
 * encrypt + decrypt of the same bytes in the same JVM run. Target: the store reaches ≥ 50 % of the raw throughput.
 * Both are single-threaded operations per second at the given content size; bytes/s = ops/s × size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ContentStoreBenchmark {

    @Param({"1048576", "8388608"})
    int size;

    EmbeddedPostgres postgres;
    HikariDataSource dataSource;
    Path directory;
    EncryptedContentStore store;
    TransactionTemplate transactions;
    byte[] content;
    SecretKey rawKey;
    SecureRandom random = new SecureRandom();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/information")
                .target(MigrationVersion.fromVersion("2026.11.25.2090")).load().migrate();
        directory = Files.createTempDirectory("banso-content-bench");
        ContentProperties properties = new ContentProperties(directory.resolve("blobs"), DataSize.ofMegabytes(64),
                directory.resolve("keys/kek.p12"), "bench-password", Duration.ofMinutes(10));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        store = new EncryptedContentStore(jdbc, new FileSystemBlobStore(properties), keys(properties),
                properties, Clock.systemUTC(), transactions, ContentLimits.defaults());
        content = new byte[size];
        // text-like bytes so that the media type check takes its usual path (strict UTF-8 validation)
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + random.nextInt(26));
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        rawKey = generator.generateKey();
        byte[] roundTrip = storeUploadAndDownload();
        if (!Arrays.equals(roundTrip, content)) {
            throw new IllegalStateException("The store does not round-trip");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        dataSource.close();
        postgres.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public byte[] rawAesGcmEncryptAndDecrypt() throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        byte[] ciphertext = encrypt.doFinal(content);
        Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
        return decrypt.doFinal(ciphertext);
    }

    @Benchmark
    public byte[] storeUploadAndDownload() {
        ContentStore.StoredContent stored = transactions.execute(
                status -> store.put(new ByteArrayInputStream(content), "bench.txt"));
        return store.read(stored.id());
    }

    /** The keystore alone: one process, no database record of the key's fingerprint to compare with. */
    private static KeyEncryptionKeys keys(ContentProperties properties) {
        KeyEncryptionKeys keys = new KeyEncryptionKeys(properties, new org.banso.shared.InstanceKeys() {
            @Override
            public void ensure(String name, java.util.function.Supplier<java.util.Map<String, byte[]>> held,
                               Runnable create) {
                if (held.get().isEmpty()) {
                    create.run();
                }
            }

            @Override
            public void record(String name, String version, byte[] material) {
            }
        });
        keys.afterSingletonsInstantiated();
        return keys;
    }
}
