-- Research entities and their commissions (R18). Qualification is derived, never stored: all three capabilities
-- evidenced and a confidentiality agreement date.

create table thinktank_entity (
    id                       uuid primary key,
    organization_id          uuid        not null unique,
    analysis_capability      text check (length(analysis_capability) <= 5000),
    hub_capability           text check (length(hub_capability) <= 5000),
    talent_capability        text check (length(talent_capability) <= 5000),
    confidentiality_agreed_at timestamptz,
    created_at               timestamptz not null,
    created_by               uuid        not null,
    updated_at               timestamptz not null
);

create table thinktank_commission (
    id                       uuid primary key,
    entity_id                uuid        not null references thinktank_entity (id),
    commissioning_org_id     uuid        not null,
    subject                  text        not null check (length(subject) between 1 and 500),
    period_start             date        not null,
    period_end               date        not null,
    created_at               timestamptz not null,
    created_by               uuid        not null,
    check (period_end > period_start)
);

create table thinktank_commission_technology (
    commission_id uuid not null references thinktank_commission (id),
    technology_id uuid not null,
    primary key (commission_id, technology_id)
);

create table thinktank_deliverable (
    id            uuid primary key,
    commission_id uuid not null references thinktank_commission (id),
    title         text not null check (length(title) between 1 and 300),
    due_on        date not null
);
create index thinktank_deliverable_commission on thinktank_deliverable (commission_id);

-- Renewals are history: rows are only ever added.
create table thinktank_commission_renewal (
    id            uuid primary key,
    commission_id uuid        not null references thinktank_commission (id),
    previous_end  date        not null,
    new_end       date        not null,
    reason        text        not null check (length(reason) between 1 and 2000),
    renewed_at    timestamptz not null,
    renewed_by    uuid        not null,
    check (new_end > previous_end)
);

create function thinktank_renewal_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'thinktank_commission_renewal is append-only';
end $$;
create trigger thinktank_renewal_append_only before update or delete on thinktank_commission_renewal
    for each row execute function thinktank_renewal_append_only();
