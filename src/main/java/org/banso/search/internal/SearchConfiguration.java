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
            return new SearchEngine(new EncryptedDirectory(FSDirectory.open(properties.indexDirectory()), material));
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
