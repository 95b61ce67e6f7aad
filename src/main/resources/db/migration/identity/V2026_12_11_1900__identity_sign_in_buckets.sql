-- Sign-in throttling back on Bucket4j (#19, #13): the token buckets (per source, per username, public posts) move to
-- Bucket4j's PostgreSQL proxy manager (select-for-update based), which keeps one row per bucket: its state as Bucket4j
-- serialises it, and when the bucket is full again (expires_at, epoch milliseconds: Bucket4j's expiration after write)
-- so that a full bucket's row can be deleted without losing anything. The id is a SHA-256 digest of the key (what was
-- typed as a username never rests here in clear).
create table identity_sign_in_bucket (
    id         varchar(64) not null primary key,
    state      bytea,
    expires_at bigint
);
create index identity_sign_in_bucket_expires on identity_sign_in_bucket (expires_at);

-- What is not a token bucket stays a row per username and source (digested): consecutive failures and the last one
-- (the doubling back-off), and when that source last signed in to that username (trusted under an attack on it).
create table identity_sign_in_pair (
    id              varchar(64) not null primary key,
    failures        int         not null default 0,
    last_failure_at timestamptz,
    trusted_at      timestamptz,
    touched_at      timestamptz not null
);
create index identity_sign_in_pair_touched on identity_sign_in_pair (touched_at);

-- the hand-written buckets' table: its counts restart (at worst a guesser gets one more window's attempts)
drop table identity_sign_in_throttle;
