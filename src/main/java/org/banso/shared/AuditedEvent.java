package org.banso.shared;

import java.time.Instant;

/**
 * Marks an event record that belongs in the transparency log (R17). The audit module logs every such event that is
 * published with {@code ApplicationEventPublisher} as the canonical JSON of {@code {kind, at, ...components}}, in the
 * publishing transaction: the entry exists if and only if the transaction commits.
 *
 * <p>Contract for implementors: a record whose components are ids (typed id records or UUIDs), enums, strings,
 * booleans, integers, instants, dates and collections of those. Never document content, passwords, tokens or their hashes.
 * Components named {@code by} or {@code actor} (else {@code user}) name the actor; {@code council} and {@code item}
 * are indexed for the auditor's filters.
 */
public interface AuditedEvent {

    /** When it happened (the business transaction's clock). */
    Instant at();
}
