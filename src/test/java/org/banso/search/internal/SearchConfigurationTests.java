package org.banso.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.banso.search.SearchKind;
import org.banso.shared.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index key comes from the key store; an index that cannot be read with it is dropped, a locked one is not. */
class SearchConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void theKeyIsGeneratedOnceAndAnIndexUnderAnotherKeyStartsEmptyWhileALockedIndexIsLeftAlone() throws Exception {
        MemoryKeys keys = new MemoryKeys();
        SearchProperties properties = new SearchProperties(dir, java.time.Duration.ofDays(7));
        SearchConfiguration configuration = new SearchConfiguration();
        try (SearchEngine engine = configuration.searchEngine(properties, keys)) {
            engine.put(new IndexDocument(SearchKind.GUIDELINE, "g1", "t", "text", null, null, Set.of(), true, true));
            engine.commit();
            assertThat(keys.stored).hasSize(1);
            assertThatThrownBy(() -> configuration.searchEngine(properties, keys))
                    .hasMessageContaining("in use by another Banso process");
        }
        try (SearchEngine engine = configuration.searchEngine(properties, keys)) {
            assertThat(engine.count(new MatchAllDocsQuery())).as("same key: the index is kept").isEqualTo(1);
        }
        assertThat(keys.stored).hasSize(1);
        MemoryKeys otherKeys = new MemoryKeys();
        try (SearchEngine engine = configuration.searchEngine(properties, otherKeys)) {
            assertThat(engine.count(new MatchAllDocsQuery())).as("another key: started empty").isZero();
        }
    }

    @Test
    void twoNodesCreatingTheKeyAtOnceBothUseTheOneTheKeyStoreKept() throws Exception {
        SearchProperties properties = new SearchProperties(dir, java.time.Duration.ofDays(7));
        // this node found no key; by the time it adds one, another node has written its own
        byte[] theOtherNodes = new byte[32];
        java.util.Arrays.fill(theOtherNodes, (byte) 7);
        MemoryKeys raced = new MemoryKeys() {
            @Override
            public StoredKey add(String name, String id, byte[] material) {
                super.add(name, id, theOtherNodes.clone());
                throw new IllegalStateException("Key " + name + "/" + id + " exists already");
            }
        };
        try (SearchEngine engine = new SearchConfiguration().searchEngine(properties, raced)) {
            engine.put(new IndexDocument(SearchKind.GUIDELINE, "g1", "t", "text", null, null, Set.of(), true, true));
            engine.commit();
        }
        MemoryKeys onlyTheStoredKey = new MemoryKeys();
        onlyTheStoredKey.add(SearchConfiguration.KEY_NAME, "v1", theOtherNodes.clone());
        try (SearchEngine engine = new SearchConfiguration().searchEngine(properties, onlyTheStoredKey)) {
            assertThat(engine.count(new MatchAllDocsQuery())).as("written under the key the store kept").isEqualTo(1);
        }
    }

    static class MemoryKeys implements KeyStore {
        final List<StoredKey> stored = new ArrayList<>();

        @Override
        public Optional<StoredKey> current(String name) {
            return stored.stream().filter(k -> k.name().equals(name)).reduce((a, b) -> b);
        }

        @Override
        public Optional<StoredKey> version(String name, String id) {
            return stored.stream().filter(k -> k.name().equals(name) && k.id().equals(id)).findFirst();
        }

        @Override
        public List<StoredKey> versions(String name) {
            return stored.stream().filter(k -> k.name().equals(name)).toList();
        }

        @Override
        public StoredKey add(String name, String id, byte[] material) {
            StoredKey key = new StoredKey(name, id, material);
            stored.add(key);
            return key;
        }
    }
}
