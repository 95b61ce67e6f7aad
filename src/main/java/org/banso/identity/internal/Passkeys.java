package org.banso.identity.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.banso.identity.IdentityEvents;
import org.banso.identity.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys in PostgreSQL, as Spring Security's WebAuthn support reads and writes them: the credential records (public
 * keys only) of the accounts' WebAuthn user entities ({@link PasskeyUsers}). Registration and sign-in go through Spring Security's filters and webauthn4j; this class stores what
 * they produce, with times from the injected clock, and publishes the audited events. Deleting through Spring's
 * {@code DELETE /webauthn/register/{id}} endpoint is closed; revocation goes through {@link #revoke}.
 */
@Repository
class Passkeys implements UserCredentialRepository {

    private final JdbcClient jdbc;
    private final PasskeyUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passkeys(JdbcClient jdbc, PasskeyUsers users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A passkey as the account page lists it. */
    record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt, boolean backedUp) {
    }

    // ---------------------------------------------------------------- credentials

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update identity_passkey_credential set signature_count = ?, backup_state = ?, last_used_at = ?
                        where credential_id = ? and user_handle = ?""")
                .params(record.getSignatureCount(), record.isBackupState(), Timestamp.from(now),
                        record.getCredentialId().getBytes(), record.getUserEntityUserId().getBytes())
                .update();
        if (updated > 0) {
            return;
        }
        String label = record.getLabel() == null ? "" : record.getLabel().strip();
        if (label.isEmpty() || label.length() > 64) {
            throw new IllegalArgumentException("A passkey needs a name of 1 to 64 characters");
        }
        Set<String> transports = new LinkedHashSet<>();
        record.getTransports().forEach(t -> transports.add(t.getValue()));
        jdbc.sql("""
                        insert into identity_passkey_credential (credential_id, user_handle, credential_type,
                            public_key, signature_count, uv_initialized, backup_eligible, backup_state, transports,
                            attestation_object, attestation_client_data_json, label, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(record.getCredentialId().getBytes(), record.getUserEntityUserId().getBytes(),
                        record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
                                : record.getCredentialType().getValue(),
                        record.getPublicKey().getBytes(), record.getSignatureCount(), record.isUvInitialized(),
                        record.isBackupEligible(), record.isBackupState(), String.join(",", transports),
                        record.getAttestationObject() == null ? null : record.getAttestationObject().getBytes(),
                        record.getAttestationClientDataJSON() == null ? null
                                : record.getAttestationClientDataJSON().getBytes(),
                        label, Timestamp.from(now))
                .update();
        users.account(record.getUserEntityUserId()).ifPresent(account -> events.publishEvent(
                new IdentityEvents.PasskeyRegistered(account, digest(record.getCredentialId()), now)));
    }

    @Override
    public void delete(Bytes credentialId) {
        throw new UnsupportedOperationException("Passkeys are revoked from the account page (audited)");
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return jdbc.sql("select * from identity_passkey_credential where credential_id = ?")
                .param(credentialId.getBytes()).query((rs, n) -> record(rs)).optional().orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return jdbc.sql("select * from identity_passkey_credential where user_handle = ? order by created_at")
                .param(userId.getBytes()).query((rs, n) -> record(rs)).list();
    }

    // ---------------------------------------------------------------- for the account page

    List<Passkey> of(UserId account) {
        return jdbc.sql("""
                        select c.credential_id, c.label, c.created_at, c.last_used_at, c.backup_state
                        from identity_passkey_credential c
                        join identity_passkey_user u on u.user_handle = c.user_handle
                        where u.account_id = ? order by c.created_at""")
                .param(account.value())
                .query((rs, n) -> new Passkey(new Bytes(rs.getBytes(1)).toBase64UrlString(), rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
    }

    boolean any(UserId account) {
        return jdbc.sql("""
                        select count(*) from identity_passkey_credential c
                        join identity_passkey_user u on u.user_handle = c.user_handle where u.account_id = ?""")
                .param(account.value()).query(Long.class).single() > 0;
    }

    /** Removes one of the account's passkeys; false when it has no such passkey. */
    @Transactional
    boolean revoke(UserId account, String credentialId, UserId by) {
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int removed = jdbc.sql("""
                        delete from identity_passkey_credential c using identity_passkey_user u
                        where c.user_handle = u.user_handle and u.account_id = ? and c.credential_id = ?""")
                .params(account.value(), id.getBytes()).update();
        if (removed > 0) {
            events.publishEvent(new IdentityEvents.PasskeyRevoked(account, digest(id), by, clock.instant()));
        }
        return removed > 0;
    }

    /** A short, stable, non-secret name of a credential for the audit log. */
    static String digest(Bytes credentialId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credentialId.getBytes()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static CredentialRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        Arrays.stream(rs.getString("transports").split(",")).filter(s -> !s.isBlank())
                .forEach(t -> transports.add(AuthenticatorTransport.valueOf(t)));
        Instant created = rs.getTimestamp("created_at").toInstant();
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        byte[] attestation = rs.getBytes("attestation_object");
        byte[] clientData = rs.getBytes("attestation_client_data_json");
        return ImmutableCredentialRecord.builder()
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(transports)
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .label(rs.getString("label"))
                .created(created)
                .lastUsed(lastUsed == null ? created : lastUsed.toInstant())
                .build();
    }

}
