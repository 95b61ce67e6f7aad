-- The registry of critical technologies (R3, R4): technologies, their status history and assessments.

create table technology_technology (
    id          uuid primary key,
    code        text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name_ja     text        not null check (length(name_ja) between 1 and 200),
    name_en     text        not null check (length(name_en) between 1 and 200),
    area_code   text        not null references technology_area (code),
    description text        not null default '' check (length(description) <= 4000),
    status      text        not null check (status in ('CANDIDATE', 'UNDER_ASSESSMENT', 'DESIGNATED', 'RETIRED')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index technology_technology_status on technology_technology (status);

create table technology_status_change (
    technology_id uuid        not null references technology_technology (id),
    from_status   text,
    to_status     text        not null,
    changed_at    timestamptz not null,
    changed_by    uuid        not null,
    primary key (technology_id, changed_at, to_status)
);

-- An assessment is complete by construction: every criterion scored with evidence, both risks recorded,
-- at least one expert or think-tank input (checked by the service and, for the input, at designation).
create table technology_assessment (
    id                       uuid primary key,
    technology_id            uuid        not null references technology_technology (id),
    japan_strength_score     smallint    not null check (japan_strength_score between 1 and 5),
    japan_strength_evidence  text        not null check (length(japan_strength_evidence) > 0),
    foreign_rd_score         smallint    not null check (foreign_rd_score between 1 and 5),
    foreign_rd_evidence      text        not null check (length(foreign_rd_evidence) > 0),
    social_needs_score       smallint    not null check (social_needs_score between 1 and 5),
    social_needs_evidence    text        not null check (length(social_needs_evidence) > 0),
    leakage_risk_score       smallint    not null check (leakage_risk_score between 1 and 5),
    leakage_risk_evidence    text        not null check (length(leakage_risk_evidence) > 0),
    dependence_risk_score    smallint    not null check (dependence_risk_score between 1 and 5),
    dependence_risk_evidence text        not null check (length(dependence_risk_evidence) > 0),
    superiority              text        not null default '',
    market_underinvestment   text        not null default '',
    dual_use                 text        not null default '',
    assessed_at              timestamptz not null,
    assessed_by              uuid        not null
);
create index technology_assessment_technology on technology_assessment (technology_id, assessed_at desc);

create table technology_assessment_input (
    assessment_id uuid    not null references technology_assessment (id),
    position      integer not null,
    kind          text    not null check (kind in ('EXPERT', 'THINK_TANK')),
    reference     text    not null check (length(reference) between 1 and 1000),
    primary key (assessment_id, position)
);

-- Assessments and status history are records: never edited or deleted.
create function technology_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger technology_assessment_append_only before update or delete on technology_assessment
    for each row execute function technology_refuse_change();
create trigger technology_assessment_input_append_only before update or delete on technology_assessment_input
    for each row execute function technology_refuse_change();
create trigger technology_status_change_append_only before update or delete on technology_status_change
    for each row execute function technology_refuse_change();
