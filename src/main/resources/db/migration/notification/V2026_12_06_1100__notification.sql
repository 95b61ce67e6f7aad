-- Issue 16: personal notifications, preferences and the durable mail outbox.

-- One notification per person and thing asked or changed. No titles, no texts: the kind, the council, the subject's
-- id, the page, the deadline. dedupe_key makes every producer idempotent (a republished event, a reminder job run
-- twice or on two nodes inserts nothing the second time).
create table notification_notification (
    id           uuid primary key,
    recipient_id uuid        not null,
    kind         text        not null,
    council_id   uuid,
    subject_id   uuid,
    path         text        not null check (path like '/%' and length(path) <= 500),
    deadline     timestamptz,
    created_at   timestamptz not null,
    read_at      timestamptz,
    dedupe_key   text        not null unique check (length(dedupe_key) <= 300),
    -- insertion order: created_at comes from the injected clock, which may give several rows the same instant
    seq          bigint      generated always as identity
);
create index notification_recipient on notification_notification (recipient_id, created_at desc, seq desc);
create index notification_unread on notification_notification (recipient_id) where read_at is null;

-- Per-person language (ja by default) and, per kind, IMMEDIATE, DIGEST or OFF (kinds that ask for an answer cannot
-- be OFF: checked in the service, since the set of such kinds is code).
create table notification_preference (
    user_id    uuid primary key,
    language   text        not null default 'ja' check (language in ('ja', 'en')),
    updated_at timestamptz not null
);
create table notification_email_mode (
    user_id uuid not null references notification_preference (user_id),
    kind    text not null,
    mode    text not null check (mode in ('IMMEDIATE', 'DIGEST', 'OFF')),
    primary key (user_id, kind)
);

-- The outbox. A mail is written in the transaction that decided it; a job sends it after commit.
-- PENDING → SENDING (claimed, committed before talking to the server) → SENT; a refused or failed attempt goes back
-- to PENDING with a later next_attempt_at (back-off) or, after the configured attempts, FAILED. A row found SENDING
-- longer than the lease (the process died between the server's acceptance and the update) becomes UNCERTAIN and is
-- not sent again by itself: at most once. LOCAL: no mail host is configured; the mail is kept for the outbox page.
create table notification_mail (
    id              uuid primary key,
    idempotency_key text        not null unique check (length(idempotency_key) <= 300),
    notification_id uuid references notification_notification (id),
    recipient_id    uuid,
    address         text        not null check (length(address) between 3 and 254),
    language        text        not null check (language in ('ja', 'en')),
    subject         text        not null check (length(subject) between 1 and 300),
    body            text        not null check (length(body) <= 20000),
    calendar        text,
    state           text        not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN',
                                                          'LOCAL')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    sending_since   timestamptz,
    last_error      text check (length(last_error) <= 1000),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    seq             bigint      generated always as identity,
    check ((state = 'SENT') = (sent_at is not null)),
    check ((state = 'SENDING') = (sending_since is not null))
);
create index notification_mail_due on notification_mail (next_attempt_at) where state = 'PENDING';
create index notification_mail_sending on notification_mail (sending_since) where state = 'SENDING';
create index notification_mail_created on notification_mail (created_at desc, seq desc);

-- Notifications of DIGEST kinds waiting for the weekly digest; digested_at is set when the digest mail is written.
create table notification_digest_entry (
    notification_id uuid primary key references notification_notification (id),
    recipient_id    uuid        not null,
    created_at      timestamptz not null,
    digested_at     timestamptz
);
create index notification_digest_pending on notification_digest_entry (recipient_id) where digested_at is null;
