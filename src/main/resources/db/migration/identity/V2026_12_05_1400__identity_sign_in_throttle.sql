-- Sign-in throttling shared by every node (#19): with per-node memory, N nodes gave an attacker N times the limits.
-- One row per counted key, the key a SHA-256 digest (what was typed as a username never rests here in clear):
-- a token bucket (tokens, refilled_at; refilled greedily on each use) for the per-source, per-username and
-- public-post limits, consecutive failures and the last one for the back-off of a username and source, and when a
-- source last signed in to a username (trusted). Rows untouched for longer than the longest window are pruned.
create table identity_sign_in_throttle (
    key            char(64)         not null primary key,
    tokens         double precision,
    refilled_at    timestamptz,
    last_consumed  boolean,
    failures       int,
    last_failure_at timestamptz,
    trusted_at     timestamptz,
    touched_at     timestamptz      not null
);
create index identity_sign_in_throttle_touched on identity_sign_in_throttle (touched_at);
