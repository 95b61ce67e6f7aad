package org.banso.guideline;

import java.time.Instant;
import java.util.UUID;

import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/** What the guideline module tells the others. */
public final class GuidelineEvents {

    private GuidelineEvents() {
    }

    public record GuidelineDrafted(UUID version, UserId by, Instant at) implements AuditedEvent {
    }

    /** A version came into force; {@code superseded} is the one it replaced, or null for the first. */
    public record GuidelineEnforced(UUID version, UUID superseded, UserId by, Instant at) implements AuditedEvent {
    }

    public record MeasureStatusChanged(UUID measure, GuidelineModel.MeasureStatus from,
                                       GuidelineModel.MeasureStatus to, UserId by, Instant at) implements AuditedEvent {
    }
}
