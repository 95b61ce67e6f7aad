package org.banso.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.banso.audit.AuditEvents;
import org.banso.audit.LogVerifier;
import org.banso.audit.LogVerifier.VerifierKey;
import org.banso.shared.InstanceKeys;
import org.banso.shared.KeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints as C2SP signed notes with the Ed25519 key {@value #KEY_NAME} of the key store — the instance's one
 * key, whichever node signs: checked against the database's record at start, and generated only by a node that may
 * create keys when nobody has (issue #19). The key's name in notes is the configured origin. Key material: the 32-byte
 * raw public key followed by the PKCS#8 private key; never logged.
 */
@Component
class CheckpointSigner implements SmartInitializingSingleton {

    static final String KEY_NAME = "audit-checkpoint";
    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final KeyStore keys;
    private final InstanceKeys instanceKeys;
    private final AuditProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(String id, PrivateKey privateKey, VerifierKey verifierKey) {
    }

    CheckpointSigner(KeyStore keys, InstanceKeys instanceKeys, AuditProperties properties,
                     ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.instanceKeys = instanceKeys;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** At start: this node holds the instance's signing key (or creates it, being the first), else it refuses. */
    @Override
    public void afterSingletonsInstantiated() {
        boolean[] created = {false};
        instanceKeys.ensure(KEY_NAME, () -> {
            Map<String, byte[]> held = new LinkedHashMap<>();
            keys.versions(KEY_NAME).forEach(stored -> held.put(stored.id(), stored.material()));
            return held;
        }, () -> {
            create();
            created[0] = true;
        });
        Loaded key = key();
        if (created[0]) {
            log.info("Generated the audit checkpoint signing key {}; verifier key {}", key.id(), key.verifierKey());
            events.publishEvent(new AuditEvents.SigningKeyCreated(key.id(), key.verifierKey().toString(),
                    clock.instant()));
        }
    }

    /** The signed note of a checkpoint body. */
    String sign(String body) {
        Loaded key = key();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = new byte[4 + signature.length];
            System.arraycopy(key.verifierKey().keyId(), 0, line, 0, 4);
            System.arraycopy(signature, 0, line, 4, signature.length);
            return body + "\n\u2014 " + key.verifierKey().name() + " " + Base64.getEncoder().encodeToString(line)
                    + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint", e);
        }
    }

    VerifierKey verifierKey() {
        return key().verifierKey();
    }

    String keyId() {
        return key().id();
    }

    /** Every version's verifier key (the current and rotated ones), by hex key id. */
    Map<String, VerifierKey> allVerifierKeys() {
        Map<String, VerifierKey> all = new LinkedHashMap<>();
        for (KeyStore.StoredKey stored : keys.versions(KEY_NAME)) {
            VerifierKey key = VerifierKey.of(properties.origin(), Arrays.copyOf(stored.material(), 32));
            all.put(key.keyIdHex(), key);
        }
        VerifierKey current = verifierKey();
        all.put(current.keyIdHex(), current);
        return all;
    }

    private Loaded key() {
        Loaded key = loaded;
        if (key == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                key = loaded;
            }
        }
        return key;
    }

    private void create() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] material = new byte[32 + pkcs8.length];
            System.arraycopy(raw, 0, material, 0, 32);
            System.arraycopy(pkcs8, 0, material, 32, pkcs8.length);
            String id = LogVerifier.toHex(LogVerifier.keyId(properties.origin(), raw));
            keys.add(KEY_NAME, id, material);
            Arrays.fill(material, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key could not be created", e);
        }
    }

    private Loaded load() {
        try {
            KeyStore.StoredKey stored = keys.current(KEY_NAME).orElseThrow(() -> new IllegalStateException(
                    "The key store lacks the audit signing key '" + KEY_NAME + "'"));
            byte[] material = stored.material();
            VerifierKey verifierKey = VerifierKey.of(properties.origin(), Arrays.copyOf(material, 32));
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Arrays.copyOfRange(material, 32, material.length)));
            Arrays.fill(material, (byte) 0);
            return new Loaded(stored.id(), privateKey, verifierKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key could not be loaded", e);
        }
    }
}
