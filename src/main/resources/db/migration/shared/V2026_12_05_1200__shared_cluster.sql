-- Several nodes on one database (#19).

-- One version per cache that decides access (memberships and pledges, item facts, designations, account states),
-- bumped by each transaction that changes an entry, just before it commits (the row lock orders the bumps by commit).
-- A node whose applied version is behind the row's forgets the cache before it answers from it, so a NOTIFY that never
-- reached it cannot leave a stale access answer behind.
create table shared_cache_version (
    domain  text   primary key check (domain ~ '^[a-z0-9-]{1,60}$'),
    version bigint not null check (version > 0)
);

-- The instance's keys (audit signing key, content key-encryption keys): a SHA-256 fingerprint of each version,
-- recorded when it is first created or first seen. A node whose key store lacks a recorded version, or holds a
-- different one, refuses to start instead of minting keys of its own.
create table shared_instance_key (
    name        text        not null check (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    version     text        not null check (version ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    fingerprint text        not null check (fingerprint ~ '^[0-9a-f]{64}$'),
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (name, version)
);

-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): a scheduled job runs on one node at a time.
create table shared_job_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
