package org.banso.information;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    /**
     * @param rewrapped  data keys now under the new key
     * @param unreadable data keys that did not authenticate (a damaged row, a lost key version): they keep their old
     *                   wrapping, so the old key version must stay until they are restored from a backup
     */
    record Rotation(String keyId, long rewrapped, long unreadable) {
    }

    /** @param unreadable the contents whose data key did not authenticate, for the operator to restore */
    record ContentKeyRotated(String keyId, long rewrapped, List<UUID> unreadable, UserId by, Instant at)
            implements AuditedEvent {
    }
}
