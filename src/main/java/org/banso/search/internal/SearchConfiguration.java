package org.banso.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.store.FSDirectory;
import org.banso.shared.KeyStore;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchConfiguration.class);

    static final String KEY_NAME = "search-index";

    /** The index, encrypted with the {@code search-index} key of the key store (generated on first start). */
    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(SearchProperties properties, KeyStore keys) throws IOException {
        KeyStore.StoredKey key = keys.current(KEY_NAME).orElseGet(() -> {
            byte[] material = new byte[32];
            new SecureRandom().nextBytes(material);
            try {
                return keys.add(KEY_NAME, "v1", material);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        });
        Files.createDirectories(properties.indexDirectory());
        byte[] material = key.material();
        try {
            try {
                return new SearchEngine(new EncryptedDirectory(FSDirectory.open(properties.indexDirectory()),
                        material));
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                throw new IllegalStateException("The search index in " + properties.indexDirectory()
                        + " is in use by another Banso process", e);
            } catch (IOException | RuntimeException e) {
                // unreadable (another key, a crash mid-write, an older format): the index is derived data, so start
                // empty and say how to fill it again
                log.warn("The search index in {} cannot be opened ({}); starting with an empty index. Rebuild it: "
                        + "POST /api/v1/search/reindex or 'search reindex'", properties.indexDirectory(), e.toString());
                try (var files = Files.list(properties.indexDirectory())) {
                    for (var file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                return new SearchEngine(new EncryptedDirectory(FSDirectory.open(properties.indexDirectory()),
                        material));
            }
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Anyone may search; what they find depends on who they are. */
    @Bean
    PublicEndpoints searchPublicEndpoints() {
        return () -> List.of("/search", "/api/v1/search");
    }
}
