package org.banso.audit;

import java.time.Instant;

import org.banso.shared.AuditedEvent;

/** What the audit module itself records about its keys. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** A new checkpoint signing key was generated; {@code verifierKey} is its public half. */
    public record SigningKeyCreated(String keyId, String verifierKey, Instant at) implements AuditedEvent {
    }
}
