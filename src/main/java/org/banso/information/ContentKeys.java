package org.banso.information;

import java.time.Instant;

import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.banso.shared.AuditedEvent;

/**
 * Rotation of the key-encryption key of content at rest (R17): a new key version becomes current and every data key
 * is re-wrapped under it; ciphertexts stay untouched and the old versions stay in the keystore. ADMIN only — the
 * administrator manages keys but never sees content.
 */
public interface ContentKeys {

    Rotation rotate(BansoUser actor);

    record Rotation(String keyId, long rewrapped) {
    }

    record ContentKeyRotated(String keyId, long rewrapped, UserId by, Instant at) implements AuditedEvent {
    }
}
