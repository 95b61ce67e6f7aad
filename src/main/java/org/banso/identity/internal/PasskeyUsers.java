package org.banso.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WebAuthn user entity of each account that registered a passkey, in PostgreSQL: a random user handle (so that no
 * account id reaches an authenticator), the username and display name. Spring Security creates it at the first
 * registration.
 */
@Repository
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final JdbcClient jdbc;

    PasskeyUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return jdbc.sql("select user_handle, name, display_name from identity_passkey_user where user_handle = ?")
                .param(id.getBytes()).query((rs, n) -> entity(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return jdbc.sql("""
                        select u.user_handle, u.name, u.display_name from identity_passkey_user u
                        join identity_account a on a.id = u.account_id where a.username = ?""")
                .param(username).query((rs, n) -> entity(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(null);
    }

    @Override
    @Transactional
    public void save(PublicKeyCredentialUserEntity userEntity) {
        int saved = jdbc.sql("""
                        insert into identity_passkey_user (user_handle, account_id, name, display_name)
                        select ?, a.id, a.username, a.display_name from identity_account a where a.username = ?
                        on conflict (user_handle) do nothing""")
                .params(userEntity.getId().getBytes(), userEntity.getName()).update();
        if (saved == 0 && findById(userEntity.getId()) == null) {
            throw new IllegalArgumentException("No account for this passkey user");
        }
    }

    @Override
    public void delete(Bytes id) {
        throw new UnsupportedOperationException("Passkey users are removed with their account only");
    }

    /** The account behind a WebAuthn user handle. */
    Optional<UserId> account(Bytes userHandle) {
        return jdbc.sql("select account_id from identity_passkey_user where user_handle = ?")
                .param(userHandle.getBytes()).query(UUID.class).optional().map(UserId::new);
    }

    private static PublicKeyCredentialUserEntity entity(byte[] handle, String name, String displayName) {
        return ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(handle)).name(name)
                .displayName(displayName).build();
    }
}
