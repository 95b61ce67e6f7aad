-- Identity: organizations, accounts, roles, API tokens, sign-in throttling.

create table identity_organization (
    id               uuid primary key,
    name             text        not null check (length(name) between 1 and 200),
    name_en          text        not null check (length(name_en) between 1 and 200),
    kind             text        not null check (kind in ('MINISTRY', 'FUNDING_AGENCY', 'COMPANY', 'UNIVERSITY',
                                                          'STARTUP', 'RESEARCH_INSTITUTE', 'THINK_TANK', 'OTHER')),
    corporate_number char(13) unique check (corporate_number ~ '^[0-9]{13}$'),
    created_at       timestamptz not null
);

create table identity_account (
    id              uuid primary key,
    username        text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name    text        not null check (length(display_name) between 1 and 200),
    email           text        not null check (length(email) between 3 and 320),
    organization_id uuid references identity_organization (id),
    password_hash   text        not null,
    enabled         boolean     not null default true,
    created_at      timestamptz not null
);
create unique index identity_account_username_key on identity_account (username);

create table identity_account_role (
    account_id uuid not null references identity_account (id) on delete cascade,
    role       text not null check (role in ('ADMIN', 'PROGRAM_OFFICER', 'MINISTRY_OFFICIAL', 'FUNDING_OFFICER',
                                             'RESEARCHER', 'ANALYST', 'AUDITOR')),
    primary key (account_id, role)
);

-- Only the SHA-256 of a token is kept: a database dump does not hand out working tokens.
create table identity_api_token (
    id         uuid primary key,
    account_id uuid        not null references identity_account (id),
    token_hash bytea       not null unique check (length(token_hash) = 32),
    issued_at  timestamptz not null,
    expires_at timestamptz not null check (expires_at > issued_at),
    revoked_at timestamptz
);
create index identity_api_token_account on identity_api_token (account_id);

-- Keyed by the username as typed (lower-cased), whether or not such an account exists, so that a locked name and
-- an unknown name cannot be told apart.
create table identity_login_throttle (
    username_key         text primary key,
    consecutive_failures integer     not null check (consecutive_failures >= 0),
    last_failure_at      timestamptz not null,
    locked_until         timestamptz
);
