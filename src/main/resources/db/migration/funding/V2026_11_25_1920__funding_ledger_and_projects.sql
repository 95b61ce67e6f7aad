-- The fund ledger (R2) and projects (R7, R10).
--
-- Double entry: every ledger entry has exactly one debit line and one credit line for the same amount (the amount
-- lives on the entry, so both sides are equal by construction). Each line carries the running balance of its account
-- after the entry, in the account's natural sense; it is computed inside the transaction that holds the lock of the
-- account's owner (the fund row for fund accounts, the project row for project accounts), so it always equals the SUM
-- of that account's lines (tests check this on every generated sequence). A balance is therefore one index lookup.
-- Entries and lines are never updated or deleted (trigger); a reversal is a new entry referencing the original.

create table funding_fund (
    id         uuid primary key,
    name       text        not null check (length(name) between 1 and 200),
    program    text        not null check (program in ('K_PROGRAM', 'OTHER')),
    created_at timestamptz not null,
    created_by uuid        not null
);

create table funding_project (
    id                            uuid primary key,
    title                         text        not null check (length(title) between 1 and 300),
    program                       text        not null check (program in ('K_PROGRAM', 'OTHER')),
    fund_id                       uuid        not null references funding_fund (id),
    technology_id                 uuid        not null,
    principal_investigator_id     uuid        not null,
    organization_ids              uuid[]      not null,
    budget                        bigint      not null check (budget > 0),
    competent_ministry_id         uuid        not null,
    social_implementation_lead_id uuid        not null,
    social_implementation_plan    text        not null default '' check (length(social_implementation_plan) <= 8000),
    status                        text        not null check (status in ('AWARDED', 'ACTIVE', 'COMPLETED')),
    council_id                    uuid,
    application_id                uuid unique,
    awarded_at                    timestamptz not null,
    awarded_by                    uuid        not null,
    activated_at                  timestamptz,
    check (program <> 'K_PROGRAM' or council_id is not null)
);
create index funding_project_fund on funding_project (fund_id);
create index funding_project_pi on funding_project (principal_investigator_id);
create index funding_project_council on funding_project (council_id);

-- APPROPRIATIONS is the fund's source (credit-normal: what the Diet appropriated, net of returns to the treasury);
-- the others are debit-normal. Natural balances never go negative (checked on every line).
create table funding_account (
    id         uuid primary key,
    fund_id    uuid not null references funding_fund (id),
    project_id uuid references funding_project (id),
    kind       text not null check (kind in ('APPROPRIATIONS', 'AVAILABLE', 'PROJECT_ALLOCATED', 'PROJECT_DISBURSED')),
    normal     char(1) not null check (normal in ('D', 'C')),
    unique nulls not distinct (fund_id, project_id, kind),
    check ((kind in ('APPROPRIATIONS', 'AVAILABLE')) = (project_id is null)),
    check ((kind = 'APPROPRIATIONS') = (normal = 'C'))
);

create table funding_ledger_entry (
    seq         bigint generated always as identity primary key,
    id          uuid        not null unique,
    fund_id     uuid        not null references funding_fund (id),
    kind        text        not null check (kind in ('APPROPRIATION', 'ALLOCATION', 'DISBURSEMENT', 'RETURN', 'REVERSAL')),
    amount      bigint      not null check (amount > 0),
    project_id  uuid references funding_project (id),
    reverses    uuid unique references funding_ledger_entry (id),
    memo        text        not null default '' check (length(memo) <= 1000),
    recorded_by uuid        not null,
    recorded_at timestamptz not null,
    check ((kind = 'REVERSAL') = (reverses is not null))
);
create index funding_ledger_entry_fund on funding_ledger_entry (fund_id, seq desc);

create table funding_ledger_line (
    entry_seq     bigint  not null references funding_ledger_entry (seq),
    side          char(1) not null check (side in ('D', 'C')),
    account_id    uuid    not null references funding_account (id),
    balance_after bigint  not null check (balance_after >= 0),
    primary key (entry_seq, side)
);
create index funding_ledger_line_account on funding_ledger_line (account_id, entry_seq desc) include (balance_after);

create function funding_ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the fund ledger is append-only (R2): % on % refused', tg_op, tg_table_name
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger funding_ledger_entry_append_only before update or delete on funding_ledger_entry
    for each row execute function funding_ledger_is_append_only();
create trigger funding_ledger_entry_no_truncate before truncate on funding_ledger_entry
    for each statement execute function funding_ledger_is_append_only();
create trigger funding_ledger_line_append_only before update or delete on funding_ledger_line
    for each row execute function funding_ledger_is_append_only();
create trigger funding_ledger_line_no_truncate before truncate on funding_ledger_line
    for each statement execute function funding_ledger_is_append_only();
