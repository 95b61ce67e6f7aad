package org.banso.council.internal;

import java.time.Instant;
import java.util.UUID;

import org.banso.council.ConsentDecision;
import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One consent or decline of a required researcher (R5), recorded with who and when and never changed: the council's
 * consents are an append-only record, and the latest answer of each person is the one that counts.
 */
@Table("council_consent")
class Consent extends Aggregate<Consent, UUID> {

    @Id
    private final UUID id;
    /** The order of recording, given by the database. */
    @ReadOnlyProperty
    private final Long seq;
    private final CouncilId councilId;
    private final UserId userId;
    private final ConsentDecision decision;
    private final Instant at;

    @PersistenceCreator
    Consent(UUID id, Long seq, CouncilId councilId, UserId userId, ConsentDecision decision, Instant at) {
        this.id = id;
        this.seq = seq;
        this.councilId = councilId;
        this.userId = userId;
        this.decision = decision;
        this.at = at;
    }

    /** Made by {@link Council#recordConsent}, which checks that the person's consent is required and still asked. */
    static Consent record(CouncilId council, UserId person, ConsentDecision decision, Instant now) {
        Consent consent = new Consent(UUID.randomUUID(), null, council, person, decision, now);
        consent.registerEvent(new CouncilEvents.ConsentRecorded(council, decision, person, now));
        return consent.markNew();
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** Recording order: the database's sequence once stored; one not yet stored comes last. */
    long order() {
        return seq == null ? Long.MAX_VALUE : seq;
    }

    CouncilId councilId() {
        return councilId;
    }

    UserId userId() {
        return userId;
    }

    ConsentDecision decision() {
        return decision;
    }

    Instant at() {
        return at;
    }
}
