package org.banso.technology;

import java.time.Instant;

import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/** What the technology registry tells the other modules. */
public final class TechnologyEvents {

    private TechnologyEvents() {
    }

    public record TechnologyRegistered(TechnologyId technology, String code, UserId by, Instant at) implements AuditedEvent {
    }

    public record TechnologyAssessed(TechnologyId technology, java.util.UUID assessment, UserId by, Instant at) implements AuditedEvent {
    }

    public record TechnologyStatusChanged(TechnologyId technology, TechnologyStatus from, TechnologyStatus to,
                                          UserId by, Instant at) implements AuditedEvent {
    }

    /** A technology area of the reference data was corrected (its names, source or confirmation). */
    public record TechnologyAreaCorrected(String code, int revision, UserId by, Instant at) implements AuditedEvent {
    }
}
