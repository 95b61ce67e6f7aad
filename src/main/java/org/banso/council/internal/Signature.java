package org.banso.council.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.banso.council.CouncilEvents;
import org.banso.council.CouncilId;
import org.banso.council.SignatureEnd;
import org.banso.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's signature of one version of a council's pledge (R12): who, which version, the SHA-256 of the exact text,
 * when. It gives access until it is revoked or the person's participant leaves; the duty of confidentiality it
 * records continues after that.
 */
@Table("council_pledge_signature")
class Signature extends Aggregate<Signature, UUID> {

    @Id
    private final UUID id;
    private final CouncilId councilId;
    private final UserId userId;
    private final int version;
    private final String language;
    @Column("text_sha256")
    private final byte[] textSha256;
    private final Instant signedAt;
    private Instant endedAt;
    private SignatureEnd endedReason;
    private boolean dutyContinues;

    @PersistenceCreator
    Signature(UUID id, CouncilId councilId, UserId userId, int version, String language, byte[] textSha256,
              Instant signedAt, Instant endedAt, SignatureEnd endedReason, boolean dutyContinues) {
        this.id = id;
        this.councilId = councilId;
        this.userId = userId;
        this.version = version;
        this.language = language;
        this.textSha256 = textSha256;
        this.signedAt = signedAt;
        this.endedAt = endedAt;
        this.endedReason = endedReason;
        this.dutyContinues = dutyContinues;
    }

    /** Made by {@link Pledge#sign}, which knows the current text. */
    static Signature sign(UUID id, CouncilId council, UserId signer, int version, String language, byte[] textSha256,
                          Instant now) {
        Signature signature = new Signature(id, council, signer, version, language, textSha256, now, null, null,
                true);
        signature.registerEvent(new CouncilEvents.PledgeSigned(council, version, signature.textSha256Hex(), signer,
                now));
        return signature.markNew();
    }

    /** R12: the signer withdraws it; access ends at once. */
    void revoke(Instant now) {
        end(SignatureEnd.REVOKED, now);
        registerEvent(new CouncilEvents.PledgeRevoked(councilId, version, userId, now));
    }

    /** R12: the signer's participant left; access ends at once and the duty is recorded as continuing. */
    void endOnLeaving(Instant now) {
        end(SignatureEnd.LEFT, now);
        dutyContinues = true;
    }

    private void end(SignatureEnd reason, Instant now) {
        if (endedAt != null) {
            throw new IllegalStateException("A signature ends once: " + id);
        }
        endedAt = now;
        endedReason = reason;
    }

    boolean isActive() {
        return endedAt == null;
    }

    @Override
    public UUID getId() {
        return id;
    }

    UserId userId() {
        return userId;
    }

    int version() {
        return version;
    }

    String language() {
        return language;
    }

    String textSha256Hex() {
        return HexFormat.of().formatHex(textSha256);
    }

    Instant signedAt() {
        return signedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    SignatureEnd endedReason() {
        return endedReason;
    }

    boolean dutyContinues() {
        return dutyContinues;
    }
}
