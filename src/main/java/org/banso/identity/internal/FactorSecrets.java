package org.banso.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.banso.shared.KeyStore;
import org.springframework.stereotype.Component;

/**
 * Keeps second-factor secrets (TOTP shared secrets) encrypted at rest: AES-256-GCM under the key
 * {@code identity-second-factor} of the key store (generated on first use, kept 0600 under {@code data/keys}), with
 * the account id as additional data so that a secret copied to another account's row does not decrypt. A database
 * dump alone therefore yields no working authenticator.
 */
@Component
class FactorSecrets {

    static final String KEY_NAME = "identity-second-factor";

    private final KeyStore keys;
    private final SecureRandom random = new SecureRandom();

    FactorSecrets(KeyStore keys) {
        this.keys = keys;
    }

    record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    Sealed seal(UUID account, byte[] secret) {
        KeyStore.StoredKey key = currentKey();
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return new Sealed(key.id(), nonce, crypt(Cipher.ENCRYPT_MODE, key, nonce, account, secret));
    }

    byte[] open(UUID account, Sealed sealed) {
        KeyStore.StoredKey key = keys.version(KEY_NAME, sealed.keyId())
                .orElseThrow(() -> new IllegalStateException("The second-factor key " + sealed.keyId()
                        + " is missing from the key store"));
        return crypt(Cipher.DECRYPT_MODE, key, sealed.nonce(), account, sealed.ciphertext());
    }

    private KeyStore.StoredKey currentKey() {
        return keys.current(KEY_NAME).orElseGet(() -> {
            synchronized (this) {
                return keys.current(KEY_NAME).orElseGet(() -> {
                    byte[] material = new byte[32];
                    random.nextBytes(material);
                    try {
                        return keys.add(KEY_NAME, "v1", material);
                    } finally {
                        Arrays.fill(material, (byte) 0);
                    }
                });
            }
        });
    }

    private static byte[] crypt(int mode, KeyStore.StoredKey key, byte[] nonce, UUID account, byte[] input) {
        byte[] material = key.material();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(16).putLong(account.getMostSignificantBits())
                    .putLong(account.getLeastSignificantBits()).array());
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A second-factor secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted") + " (wrong key or altered row)", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
