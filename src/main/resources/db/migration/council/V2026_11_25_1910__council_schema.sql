-- Councils (協議会): establishment with consent (R5), participants (R6, R13), pledges (R12), proposals decided by
-- consensus (R8, R14), meetings, action items (R9), support requests and material requests (R11).
-- Other modules' rows (organizations, accounts, projects, information items) are referred to by id only.

create table council_council (
    id                    uuid primary key,
    name                  text        not null check (length(name) between 1 and 200),
    competent_ministry_id uuid        not null,
    status                text        not null check (status in ('PROPOSED', 'ESTABLISHED', 'DISSOLVED')),
    pledge_version        integer     not null default 1 check (pledge_version >= 1),
    proposed_by           uuid        not null,
    proposed_at           timestamptz not null,
    established_at        timestamptz,
    dissolved_at          timestamptz,
    check ((status = 'PROPOSED') = (established_at is null) or status = 'DISSOLVED')
);

-- Linked K Program projects (R7): the funding module's ids.
create table council_project (
    council_id uuid not null references council_council (id),
    project_id uuid not null,
    primary key (council_id, project_id)
);
-- a project has exactly one council
create unique index council_project_one_council on council_project (project_id);

create table council_required_consenter (
    council_id uuid not null references council_council (id),
    user_id    uuid not null,
    primary key (council_id, user_id)
);

-- Every consent or decline ever recorded (R5): append-only, the latest per person counts.
create table council_consent (
    id         uuid primary key,
    seq        bigint generated always as identity,
    council_id uuid        not null,
    user_id    uuid        not null,
    decision   text        not null check (decision in ('CONSENT', 'DECLINE')),
    at         timestamptz not null,
    foreign key (council_id, user_id) references council_required_consenter (council_id, user_id)
);
create index council_consent_council on council_consent (council_id, at);

create table council_participant (
    id                uuid primary key,
    council_id        uuid        not null references council_council (id),
    organization_id   uuid        not null,
    role              text        not null check (role in ('COMPETENT_MINISTRY', 'NEEDS_MINISTRY', 'RELATED_MINISTRY',
                                                           'FUNDING_AGENCY', 'RESEARCHER', 'COMPANY', 'STARTUP',
                                                           'UNIVERSITY', 'THINK_TANK')),
    representative_id uuid        not null,
    joined_at         timestamptz not null,
    joined_by         uuid        not null,
    left_at           timestamptz,
    left_by           uuid
);
-- an organization takes part once at a time
create unique index council_participant_current_org on council_participant (council_id, organization_id)
    where left_at is null;
create index council_participant_council on council_participant (council_id) where left_at is null;

create table council_participant_member (
    participant_id uuid        not null references council_participant (id),
    user_id        uuid        not null,
    added_at       timestamptz not null,
    primary key (participant_id, user_id)
);
create index council_participant_member_user on council_participant_member (user_id);

-- The default pledge text, as data (R12): the duty equals a national public servant's; the penalty is the statutory
-- one (see ../shared/data/reference/README.md). Councils copy it as their version 1.
create table council_pledge_template (
    key                  text primary key,
    text_ja              text        not null,
    text_en              text        not null,
    max_imprisonment     text        not null,
    max_fine_yen         bigint      not null check (max_fine_yen > 0),
    source               text        not null,
    updated_at           timestamptz not null
);

create table council_pledge_text (
    council_id uuid        not null references council_council (id),
    version    integer     not null check (version >= 1),
    text_ja    text        not null,
    text_en    text        not null,
    created_by uuid        not null,
    created_at timestamptz not null,
    primary key (council_id, version)
);

-- A signature (R12): who, which version, the SHA-256 of the exact text signed, when. Access ends when it is revoked
-- or the person leaves; the duty itself is recorded as lasting (duty_continues).
create table council_pledge_signature (
    id             uuid primary key,
    council_id     uuid        not null,
    user_id        uuid        not null,
    version        integer     not null,
    language       text        not null check (language in ('ja', 'en')),
    text_sha256    bytea       not null check (length(text_sha256) = 32),
    signed_at      timestamptz not null,
    ended_at       timestamptz,
    ended_reason   text check (ended_reason in ('REVOKED', 'LEFT')),
    duty_continues boolean     not null default true,
    foreign key (council_id, version) references council_pledge_text (council_id, version),
    check ((ended_at is null) = (ended_reason is null))
);
create unique index council_pledge_signature_active on council_pledge_signature (council_id, user_id, version)
    where ended_at is null;

-- Invitations (R13): only the SHA-256 of the single-use token is kept.
create table council_invitation (
    id          uuid primary key,
    council_id  uuid        not null references council_council (id),
    role        text        not null,
    token_hash  bytea       not null unique check (length(token_hash) = 32),
    created_by  uuid        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null check (expires_at > created_at),
    accepted_by uuid,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    check ((accepted_by is null) = (accepted_at is null))
);

create table council_proposal (
    id                uuid primary key,
    council_id        uuid        not null references council_council (id),
    matter            text        not null check (matter in ('INFORMATION_COLLECTION', 'PROMOTION',
                                                             'CONTENT_AND_RESULTS', 'INFORMATION_MANAGEMENT')),
    status            text        not null check (status in ('OPEN', 'ADOPTED', 'WITHDRAWN')),
    revision          integer     not null check (revision >= 1),
    proposed_by       uuid        not null,
    proposed_at       timestamptz not null,
    response_deadline timestamptz,
    closed_at         timestamptz,
    closed_by         uuid,
    check ((status = 'OPEN') = (closed_at is null))
);
create index council_proposal_council on council_proposal (council_id, proposed_at);

create table council_proposal_revision (
    proposal_id uuid        not null references council_proposal (id),
    revision    integer     not null,
    title       text        not null check (length(title) between 1 and 300),
    body        text        not null check (length(body) between 1 and 50000),
    designation jsonb,
    created_by  uuid        not null,
    created_at  timestamptz not null,
    primary key (proposal_id, revision)
);

-- One answer per participant per revision (R14); a second one breaks the primary key.
create table council_proposal_response (
    seq            bigint generated always as identity,
    proposal_id    uuid        not null,
    revision       integer     not null,
    participant_id uuid        not null references council_participant (id),
    response       text        not null check (response in ('CONSENT', 'OBJECT')),
    reason         text check (reason is null or length(reason) <= 5000),
    responded_by   uuid        not null,
    at             timestamptz not null,
    primary key (proposal_id, revision, participant_id),
    foreign key (proposal_id, revision) references council_proposal_revision (proposal_id, revision),
    check (response = 'CONSENT' or length(reason) > 0)
);

create table council_meeting (
    id              uuid primary key,
    council_id      uuid        not null references council_council (id),
    title           text        not null check (length(title) between 1 and 300),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    place           text check (length(place) <= 300),
    link            text check (length(link) <= 1000),
    minutes_item_id uuid,
    created_by      uuid        not null,
    created_at      timestamptz not null
);

create table council_agenda_item (
    meeting_id  uuid    not null references council_meeting (id),
    position    integer not null check (position >= 1),
    matter      text    not null check (matter in ('INFORMATION_COLLECTION', 'PROMOTION', 'CONTENT_AND_RESULTS',
                                                   'INFORMATION_MANAGEMENT')),
    title       text    not null check (length(title) between 1 and 300),
    proposal_id uuid references council_proposal (id),
    primary key (meeting_id, position)
);

create table council_attendance (
    meeting_id uuid not null references council_meeting (id),
    user_id    uuid not null,
    primary key (meeting_id, user_id)
);

-- Action items (R9) and support requests (regulatory relaxation, international standardization) share one table.
create table council_task (
    id                  uuid primary key,
    council_id          uuid        not null references council_council (id),
    kind                text        not null check (kind in ('ACTION_ITEM', 'REGULATORY_RELAXATION',
                                                             'INTERNATIONAL_STANDARDIZATION')),
    proposal_id         uuid references council_proposal (id),
    assignee_participant_id uuid references council_participant (id),
    responsible_ministry_id uuid,
    title               text        not null check (length(title) between 1 and 300),
    description         text check (length(description) <= 5000),
    due_date            date        not null,
    status              text        not null check (status in ('OPEN', 'DONE')),
    created_by          uuid        not null,
    created_at          timestamptz not null,
    done_at             timestamptz,
    done_by             uuid,
    check (kind <> 'ACTION_ITEM' or (proposal_id is not null and assignee_participant_id is not null)),
    check (kind = 'ACTION_ITEM' or responsible_ministry_id is not null),
    check ((status = 'DONE') = (done_at is not null))
);
create index council_task_council on council_task (council_id, due_date);

-- Material requests (R11) to the think tank or a participant.
create table council_material_request (
    id                      uuid primary key,
    council_id              uuid        not null references council_council (id),
    addressee_participant_id uuid       not null references council_participant (id),
    title                   text        not null check (length(title) between 1 and 300),
    description             text check (length(description) <= 5000),
    due_date                date        not null,
    status                  text        not null check (status in ('REQUESTED', 'FULFILLED', 'DECLINED')),
    item_ids                uuid[],
    decline_reason          text,
    requested_by            uuid        not null,
    requested_at            timestamptz not null,
    answered_by             uuid,
    answered_at             timestamptz,
    check (status <> 'FULFILLED' or cardinality(item_ids) > 0),
    check (status <> 'DECLINED' or length(decline_reason) > 0)
);
create index council_material_request_council on council_material_request (council_id, due_date);
