package org.banso.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the auditor's entry browser; null fields do not filter; {@code to} is exclusive. */
public record EntryFilter(UUID actor, UUID council, UUID item, String kind, Instant from, Instant to, int limit) {
}
