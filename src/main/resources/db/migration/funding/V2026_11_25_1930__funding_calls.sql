-- Calls for proposals, applications with their draft open/close plan, reviews with conflict-of-interest
-- declarations; an awarded application becomes a project (funding_project.application_id).

create table funding_call (
    id             uuid primary key,
    fund_id        uuid        not null references funding_fund (id),
    title          text        not null check (length(title) between 1 and 300),
    call_type      text        not null check (call_type in ('PROJECT', 'INDIVIDUAL_RESEARCH')),
    technology_ids uuid[]      not null check (cardinality(technology_ids) > 0),
    opens_at       timestamptz not null,
    closes_at      timestamptz not null,
    budget_cap     bigint      not null check (budget_cap > 0),
    created_by     uuid        not null,
    created_at     timestamptz not null,
    check (closes_at > opens_at)
);

create table funding_application (
    id                        uuid primary key,
    call_id                   uuid        not null references funding_call (id),
    title                     text        not null check (length(title) between 1 and 300),
    principal_investigator_id uuid        not null,
    erad_number               char(8)     not null check (erad_number ~ '^[0-9]{8}$'),
    orcid                     text        not null check (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
    team                      jsonb       not null default '[]',
    direct_cost               bigint      not null check (direct_cost > 0),
    indirect_rate_percent     integer     not null check (indirect_rate_percent between 0 and 100),
    indirect_cost             bigint      not null check (indirect_cost >= 0),
    plan_controlled           text        not null check (length(plan_controlled) between 1 and 4000),
    plan_from_whom            text        not null check (length(plan_from_whom) between 1 and 2000),
    plan_months               integer     not null check (plan_months between 1 and 120),
    plan_reason               text        not null check (length(plan_reason) between 1 and 4000),
    status                    text        not null check (status in ('SUBMITTED', 'AWARDED', 'REJECTED')),
    submitted_at              timestamptz not null,
    unique (call_id, principal_investigator_id, title)
);
create index funding_application_call on funding_application (call_id);
create index funding_application_pi on funding_application (principal_investigator_id);

create table funding_review (
    application_id  uuid        not null references funding_application (id),
    reviewer_id     uuid        not null,
    conflict        boolean     not null,
    conflict_reason text        not null default '',
    declared_at     timestamptz not null,
    score           smallint check (score between 1 and 5),
    comment         text        not null default '' check (length(comment) <= 8000),
    scored_at       timestamptz,
    primary key (application_id, reviewer_id),
    check (not conflict or score is null)
);
