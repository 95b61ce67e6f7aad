-- Identity (issue 18): OpenID Connect links, passkeys, TOTP and recovery codes, second-factor throttling, the
-- record of page sessions, and what an API token proves (second factor, service scope).

-- An OIDC sign-in is linked to an existing account by the provider's issuer and subject; never the other way round.
-- An unlinked row stays (unlinked_at set) so that the same identity is not linked again by e-mail at its next sign-in.
create table identity_oidc_link (
    id               uuid primary key,
    account_id       uuid        not null references identity_account (id),
    registration_id  text        not null check (registration_id ~ '^[A-Za-z0-9._-]{1,100}$'),
    issuer           text        not null check (length(issuer) between 1 and 2000),
    subject          text        not null check (length(subject) between 1 and 255),
    linked_at        timestamptz not null,
    last_sign_in_at  timestamptz,
    unlinked_at      timestamptz,
    unique (issuer, subject),
    unique (account_id, issuer)
);

-- Passkeys: the WebAuthn user entity of an account (a random user handle, never the account id) and its
-- credentials, as Spring Security's PublicKeyCredentialUserEntityRepository and UserCredentialRepository see them.
create table identity_passkey_user (
    user_handle  bytea primary key check (length(user_handle) between 1 and 64),
    account_id   uuid not null unique references identity_account (id),
    name         text not null,
    display_name text not null
);

create table identity_passkey_credential (
    credential_id                bytea primary key check (length(credential_id) between 1 and 1023),
    user_handle                  bytea       not null references identity_passkey_user (user_handle),
    credential_type              text        not null,
    public_key                   bytea       not null,
    signature_count              bigint      not null check (signature_count >= 0),
    uv_initialized               boolean     not null,
    backup_eligible              boolean     not null,
    backup_state                 boolean     not null,
    transports                   text        not null default '',
    attestation_object           bytea,
    attestation_client_data_json bytea,
    label                        text        not null check (length(label) between 1 and 64),
    created_at                   timestamptz not null,
    last_used_at                 timestamptz
);
create index identity_passkey_credential_user on identity_passkey_credential (user_handle);

-- TOTP (RFC 6238): the shared secret only as AES-256-GCM ciphertext under the key named by key_id. A PENDING row is an
-- enrolment waiting for its first code; at most one ACTIVE and one PENDING per account. last_step is the time step of
-- the last accepted code, so that a code is never accepted twice.
create table identity_totp (
    id            uuid primary key,
    account_id    uuid        not null references identity_account (id),
    state         text        not null check (state in ('PENDING', 'ACTIVE')),
    key_id        text        not null,
    nonce         bytea       not null check (length(nonce) = 12),
    ciphertext    bytea       not null,
    created_at    timestamptz not null,
    activated_at  timestamptz,
    last_step     bigint      not null default -1
);
create unique index identity_totp_one_per_state on identity_totp (account_id, state);

-- Recovery codes: shown once, kept as SHA-256 over a per-code random salt and the code (80 random bits each).
create table identity_recovery_code (
    id          uuid primary key,
    account_id  uuid        not null references identity_account (id),
    salt        bytea       not null check (length(salt) = 16),
    code_hash   bytea       not null check (length(code_hash) = 32),
    created_at  timestamptz not null,
    used_at     timestamptz
);
create index identity_recovery_code_account on identity_recovery_code (account_id) where used_at is null;

-- Failed second-factor codes per account (TOTP and recovery codes alike): a lock after a few, so that six digits
-- cannot be guessed.
create table identity_factor_throttle (
    account_id           uuid primary key references identity_account (id),
    consecutive_failures integer     not null check (consecutive_failures >= 0),
    last_failure_at      timestamptz not null,
    locked_until         timestamptz
);

-- Page sessions as the account page lists them; the servlet session holds only this row's id. Ending a row ends the
-- session at its next request ("sign out everywhere").
create table identity_session (
    id                uuid primary key,
    account_id        uuid        not null references identity_account (id),
    method            text        not null check (method in ('PASSWORD', 'OIDC', 'PASSKEY')),
    provider          text,
    second_factor     text check (second_factor in ('TOTP', 'RECOVERY_CODE', 'PASSKEY')),
    second_factor_at  timestamptz,
    device            text        not null check (length(device) <= 200),
    signed_in_at      timestamptz not null,
    last_seen_at      timestamptz not null,
    ended_at          timestamptz
);
create index identity_session_account on identity_session (account_id) where ended_at is null;

-- What a token proves: a personal token records when its holder last passed a second factor; a service token is
-- issued by an ADMIN for a narrow scope and carries none.
alter table identity_api_token
    add column kind             text not null default 'PERSONAL' check (kind in ('PERSONAL', 'SERVICE')),
    add column second_factor_at timestamptz,
    add column scope            text check (scope in ('AUDIT_READ', 'REFERENCE_READ')),
    add column label            text check (length(label) <= 100),
    add column issued_by        uuid references identity_account (id),
    add constraint identity_api_token_service_scope check ((kind = 'SERVICE') = (scope is not null));
