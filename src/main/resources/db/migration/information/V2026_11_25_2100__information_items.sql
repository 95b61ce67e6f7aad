-- Council information (R12, R15-R17, R20): items and their versions (content lives encrypted behind the content
-- store), designations put into effect by adopted proposals, their scope and the items they cover.
-- Markings are never stored: they are computed from the designations and the clock at request time.
-- Councils, participants, projects and people are other modules' rows, referred to by id only.

create table information_item (
    id                      uuid primary key,
    council_id              uuid,                    -- null: the public library
    title                   text        not null check (length(title) between 1 and 300),
    category                text        not null check (category in (
                                'SOCIAL_IMPLEMENTATION_IMAGE', 'GOVERNMENT_RESEARCH_RESULT', 'SAMPLING_DATA',
                                'CYBER_INCIDENT', 'VULNERABILITY', 'NONPUBLIC_CONTRACT', 'GOVERNMENT_POSTURE',
                                'RESEARCH_RESULT', 'MINUTES', 'REPORT', 'OTHER')),
    project_id              uuid,
    provider_participant_id uuid,
    latest_version          integer     not null default 0 check (latest_version >= 0),
    created_by              uuid        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    published_at            timestamptz,
    published_by            uuid,
    check ((published_at is null) = (published_by is null)),
    check (council_id is null or provider_participant_id is not null)
);
-- the council listing: newest first, one page at a time
create index information_item_council_listing on information_item (council_id, updated_at desc, id desc);
-- rule-based designations find the items of a category (within a project)
create index information_item_rule on information_item (council_id, category, project_id);
-- public results
create index information_item_published on information_item (published_at desc, id) where published_at is not null;

create table information_item_version (
    item_id     uuid        not null references information_item (id),
    version     integer     not null check (version >= 1),
    content_id  uuid        not null unique references information_content (id),
    filename    text        not null check (length(filename) between 1 and 255),
    media_type  text        not null,
    size        bigint      not null check (size >= 0),
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_by uuid        not null,
    uploaded_at timestamptz not null,
    primary key (item_id, version)
);

-- A designation (R15): made only by the adoption of a council proposal (one per proposal).
create table information_designation (
    id                             uuid primary key,
    council_id                     uuid        not null,
    proposal_id                    uuid        not null unique,
    handling                       text        not null check (handling in ('VIEW_ONLY', 'DOWNLOAD_TRACED')),
    after_period                   text        not null check (after_period in ('COUNCIL', 'PUBLIC')),
    period_start                   timestamptz not null,
    period_end                     timestamptz not null,
    rule_category                  text,
    rule_project_id                uuid,
    rationale_social_implementation text       not null check (length(btrim(rationale_social_implementation)) > 0),
    rationale_leakage_prevention   text        not null check (length(btrim(rationale_leakage_prevention)) > 0),
    rationale_innovation           text        not null check (length(btrim(rationale_innovation)) > 0),
    rationale_participation_incentive text     not null check (length(btrim(rationale_participation_incentive)) > 0),
    adopted_by                     uuid        not null,
    applied_at                     timestamptz not null,
    release_recorded_at            timestamptz,
    check (period_start <= period_end),
    check (rule_project_id is null or rule_category is not null)
);
create index information_designation_council on information_designation (council_id, applied_at desc);
-- the release job: ended and not yet recorded
create index information_designation_unreleased on information_designation (period_end)
    where release_recorded_at is null;
-- rules that a newly stored item may match
create index information_designation_rule on information_designation (council_id, rule_category)
    where rule_category is not null;

create table information_designation_scope (
    designation_id uuid not null references information_designation (id),
    participant_id uuid not null,
    primary key (designation_id, participant_id)
);

-- Materialised coverage: the targeted items and every item (present or future) matching the designation's rule.
create table information_designation_item (
    designation_id uuid not null references information_designation (id),
    item_id        uuid not null references information_item (id),
    primary key (designation_id, item_id)
);
create index information_designation_item_item on information_designation_item (item_id, designation_id);
