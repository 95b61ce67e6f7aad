-- Sessions follow the account (#13): a page session remembers the credentials version it signed in under; a password
-- change increments it, so every other session of the account ends at its next request.
alter table identity_account add column credentials_version integer not null default 0
    check (credentials_version >= 0);

-- Sign-in throttling moved to per-source and per-account token buckets in memory (SignInThrottle): a stranger can no
-- longer lock a username for everyone, so the table of locked usernames goes.
drop table identity_login_throttle;
