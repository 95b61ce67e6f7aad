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

    /**
     * Creates the index key on the first start. Nodes of a cluster mount one key store, and two of them starting at
     * the same instant may both find no key and both try to create it (#19): one of them finds the key written, or
     * both write and the store keeps one. Either way every node then uses the key the store kept, never one only it
     * holds — which would make its index unreadable at its next start.
     */
    static KeyStore.StoredKey created(KeyStore keys) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        try {
            keys.add(KEY_NAME, "v1", material);
        } catch (RuntimeException anotherNodeFirst) {
            log.info("Another node created the search index key at the same time ({}); using the stored one",
                    anotherNodeFirst.toString());
        } finally {
            Arrays.fill(material, (byte) 0);
        }
        return keys.current(KEY_NAME).orElseThrow(() -> new IllegalStateException(
                "The search index key could not be created in the key store, nor found there"));
    }

    /** The index, encrypted with the {@code search-index} key of the key store (generated on first start). */
    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(SearchProperties properties, KeyStore keys) throws IOException {
        KeyStore.StoredKey key = keys.current(KEY_NAME).orElseGet(() -> created(keys));
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
