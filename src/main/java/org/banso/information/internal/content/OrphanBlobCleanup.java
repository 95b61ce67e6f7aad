package org.banso.information.internal.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, removes blobs no row names (a crash between forcing the ciphertext to disk and committing its row) and
 * leftovers of interrupted writes, once they are older than the grace period — a younger one may belong to a
 * transaction still running in another instance.
 */
@Component
class OrphanBlobCleanup {

    private static final Logger log = LoggerFactory.getLogger(OrphanBlobCleanup.class);
    private static final int CHUNK = 1000;

    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final ContentProperties properties;
    private final Clock clock;

    OrphanBlobCleanup(BlobStore blobs, JdbcClient jdbc, ContentProperties properties, Clock clock) {
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int removed = removeOrphans();
        if (removed > 0) {
            log.warn("Removed {} content blob(s) without a row (left by an interrupted upload)", removed);
        }
    }

    /** Answers how many blobs and leftovers were removed. */
    int removeOrphans() {
        Instant cutoff = clock.instant().minus(properties.orphanGrace());
        List<BlobStore.StoredBlob> candidates = new ArrayList<>();
        int[] removed = {0};
        blobs.forEach(blob -> {
            if (!blob.modifiedAt().isBefore(cutoff)) {
                return;
            }
            if (blob.id() == null) {
                blobs.deleteKey(blob.key());
                removed[0]++;
                return;
            }
            candidates.add(blob);
        });
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<BlobStore.StoredBlob> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            UUID[] ids = chunk.stream().map(BlobStore.StoredBlob::id).toArray(UUID[]::new);
            Set<UUID> known = new HashSet<>(jdbc.sql("select id from information_content where id = any(?)")
                    .param(ids).query(UUID.class).list());
            for (BlobStore.StoredBlob blob : chunk) {
                if (!known.contains(blob.id())) {
                    blobs.delete(blob.id());
                    removed[0]++;
                }
            }
        }
        return removed[0];
    }
}
