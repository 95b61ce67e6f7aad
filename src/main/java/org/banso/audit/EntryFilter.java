package org.banso.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the auditor's entry browser; null fields do not filter; {@code to} is exclusive. {@code before} pages
 * through all entries by key (only entries with a smaller index, newest first): the next page starts below the last
 * index shown, however long the log.
 */
public record EntryFilter(UUID actor, UUID council, UUID item, String kind, Instant from, Instant to, Long before,
                          int limit) {

    /** The newest entries matching the filters. */
    public EntryFilter(UUID actor, UUID council, UUID item, String kind, Instant from, Instant to, int limit) {
        this(actor, council, item, kind, from, to, null, limit);
    }
}
