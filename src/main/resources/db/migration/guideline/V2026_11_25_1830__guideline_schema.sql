-- The R&D basic guideline (R1): versions, sections, support measures and their status history.

create table guideline_version (
    id            uuid primary key,
    title_ja      text        not null check (length(title_ja) between 1 and 300),
    title_en      text        not null check (length(title_en) between 1 and 300),
    status        text        not null check (status in ('DRAFT', 'IN_FORCE', 'SUPERSEDED')),
    created_at    timestamptz not null,
    created_by    uuid        not null,
    enforced_at   timestamptz,
    superseded_at timestamptz,
    check ((status = 'DRAFT') = (enforced_at is null)),
    check ((status = 'SUPERSEDED') = (superseded_at is not null))
);
-- R1: never two versions in force.
create unique index guideline_version_one_in_force on guideline_version (status) where status = 'IN_FORCE';

create table guideline_section (
    id         uuid primary key,
    version_id uuid    not null references guideline_version (id),
    position   integer not null,
    heading_ja text    not null check (length(heading_ja) between 1 and 300),
    heading_en text    not null check (length(heading_en) between 1 and 300),
    body_ja    text    not null check (length(body_ja) <= 20000),
    body_en    text    not null check (length(body_en) <= 20000),
    unique (version_id, position)
);

create table guideline_measure (
    id                      uuid primary key,
    version_id              uuid        not null references guideline_version (id),
    position                integer     not null,
    kind                    text        not null check (kind in ('INFORMATION_PROVISION', 'FUNDING',
                                                                 'HUMAN_RESOURCES', 'OTHER')),
    title_ja                text        not null check (length(title_ja) between 1 and 300),
    title_en                text        not null check (length(title_en) between 1 and 300),
    description_ja          text        not null check (length(description_ja) <= 20000),
    description_en          text        not null check (length(description_en) <= 20000),
    responsible_ministry_id uuid        not null,
    status                  text        not null check (status in ('PLANNED', 'ACTIVE', 'COMPLETED',
                                                                   'DISCONTINUED')),
    unique (version_id, position)
);

create table guideline_measure_technology (
    measure_id    uuid not null references guideline_measure (id),
    technology_id uuid not null,
    primary key (measure_id, technology_id)
);

create table guideline_measure_status_change (
    measure_id  uuid        not null references guideline_measure (id),
    from_status text,
    to_status   text        not null,
    changed_at  timestamptz not null,
    changed_by  uuid        not null
);
create index guideline_measure_status_change_measure on guideline_measure_status_change (measure_id, changed_at);
