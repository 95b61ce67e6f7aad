-- Traced copies and leak investigations (R17). A traced copy records who received which fingerprint of which item
-- version, never the content. Leak reports, their investigations and the penalty decided are kept for good (no
-- deletes); penalties are reference data an administrator can correct, with their source, not code.

create table information_trace_copy (
    fingerprint char(16)    primary key check (fingerprint ~ '^[0-9a-f]{16}$'),
    item_id     uuid        not null,
    council_id  uuid,
    version     integer     not null check (version > 0),
    media_type  text        not null check (length(media_type) between 1 and 200),
    recipient   uuid        not null,
    issued_at   timestamptz not null
);

create index information_trace_copy_item on information_trace_copy (item_id, issued_at);
create index information_trace_copy_recipient on information_trace_copy (recipient, issued_at);

-- The penalties that can be decided for a leak, with their maxima (null: not applicable). Edited by updates that keep
-- the previous row in the history table (trigger), as for the technology reference data.
create table information_leak_penalty (
    code              text primary key check (code ~ '^[A-Z_]{1,40}$'),
    applies_to        text        not null check (applies_to in ('PERSON', 'ORGANIZATION', 'ANY')),
    name_ja           text        not null check (length(name_ja) between 1 and 200),
    name_en           text        not null check (length(name_en) between 1 and 200),
    max_amount_yen    bigint      check (max_amount_yen > 0),
    max_term_months   integer     check (max_term_months > 0),
    position          integer     not null,
    source            text        not null check (length(source) > 0),
    revision          integer     not null default 1,
    updated_at        timestamptz not null,
    check (max_amount_yen is null or max_term_months is null)
);

create table information_leak_penalty_history (
    code            text        not null,
    revision        integer     not null,
    applies_to      text        not null,
    name_ja         text        not null,
    name_en         text        not null,
    max_amount_yen  bigint,
    max_term_months integer,
    position        integer     not null,
    source          text        not null,
    updated_at      timestamptz not null,
    primary key (code, revision)
);

create function information_leak_penalty_keep_history() returns trigger language plpgsql as $$
begin
    insert into information_leak_penalty_history (code, revision, applies_to, name_ja, name_en, max_amount_yen,
                                                  max_term_months, position, source, updated_at)
    values (old.code, old.revision, old.applies_to, old.name_ja, old.name_en, old.max_amount_yen,
            old.max_term_months, old.position, old.source, old.updated_at);
    new.revision := old.revision + 1;
    return new;
end;
$$;

create trigger information_leak_penalty_history_on_update
    before update on information_leak_penalty
    for each row execute function information_leak_penalty_keep_history();

-- Source: ../shared/data/reference/README.md — "Penalty for breaching a council's confidentiality duty: imprisonment
-- up to 1 year (拘禁刑 since 2025-06) or a fine up to 500,000 yen; organisations can be fined too." The organisation
-- fine's maximum is not stated there; it is seeded with the person's maximum and marked unconfirmed.
insert into information_leak_penalty (code, applies_to, name_ja, name_en, max_amount_yen, max_term_months, position,
                                      source, updated_at)
values ('IMPRISONMENT', 'PERSON', '拘禁刑', 'Imprisonment', null, 12, 1,
        'Seed reference data (shared/data/reference/README.md): breach of a council''s confidentiality duty, imprisonment up to 1 year (拘禁刑 since 2025-06).',
        '2026-11-25T21:10:00Z'),
       ('FINE', 'PERSON', '罰金', 'Fine', 500000, null, 2,
        'Seed reference data (shared/data/reference/README.md): breach of a council''s confidentiality duty, a fine up to 500,000 yen.',
        '2026-11-25T21:10:00Z'),
       ('ORGANIZATION_FINE', 'ORGANIZATION', '法人等に対する罰金', 'Fine on the organisation', 500000, null, 3,
        'Seed reference data (shared/data/reference/README.md): organisations can be fined too. Maximum assumed equal to the person''s fine (unconfirmed).',
        '2026-11-25T21:10:00Z'),
       ('NONE', 'ANY', '処分なし', 'No penalty', null, null, 4,
        'No penalty decided (for example, no breach found).', '2026-11-25T21:10:00Z');

create table information_leak_report (
    id          uuid primary key,
    item_id     uuid,
    description text        not null check (length(description) between 1 and 4000),
    reported_by uuid        not null,
    reported_at timestamptz not null
);

create index information_leak_report_time on information_leak_report (reported_at desc);

create table information_leak_investigation (
    id              uuid primary key,
    report_id       uuid        not null references information_leak_report (id),
    fingerprint     char(16)    not null references information_trace_copy (fingerprint),
    note            text        not null default '' check (length(note) <= 4000),
    investigated_by uuid        not null,
    investigated_at timestamptz not null
);

create index information_leak_investigation_report on information_leak_investigation (report_id, investigated_at);

-- One decision per report, final.
create table information_leak_decision (
    report_id    uuid primary key references information_leak_report (id),
    penalty_code text        not null references information_leak_penalty (code),
    penalty_revision integer not null,
    subject      uuid,
    amount_yen   bigint      check (amount_yen > 0),
    term_months  integer     check (term_months > 0),
    rationale    text        not null check (length(rationale) between 1 and 4000),
    decided_by   uuid        not null,
    decided_at   timestamptz not null
);
