-- R16, restrictions stay minimal: a designation can be ended early, or narrowed, by an adopted proposal. Its period
-- then ends at the adoption (period_end is what every marking reads); the period as adopted stays in
-- stated_period_end, the proposal that ended it and when in lifted_by_proposal_id / lifted_at, and a narrowing's
-- narrower designation in replaced_by.
alter table information_designation add column stated_period_end timestamptz;
update information_designation set stated_period_end = period_end;
alter table information_designation alter column stated_period_end set not null;
alter table information_designation add column lifted_by_proposal_id uuid;
alter table information_designation add column lifted_at timestamptz;
alter table information_designation add column replaced_by uuid references information_designation (id);
alter table information_designation add constraint information_designation_lifted
    check ((lifted_at is null) = (lifted_by_proposal_id is null) and (replaced_by is null or lifted_at is not null));

-- R16, research results public by default: each council's review window (days after upload after which a research
-- result of its projects that no designation covers is published), set by adopted INFORMATION_MANAGEMENT proposals.
-- The latest row is in force; none = the configured default. Append-only: the history of what the council decided.
create table information_review_window (
    council_id  uuid        not null,
    days        integer     not null check (days between 1 and 3650),
    proposal_id uuid        not null unique,
    set_by      uuid        not null,
    set_at      timestamptz not null,
    primary key (council_id, set_at, proposal_id)
);
create function information_review_window_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'review windows are append-only';
end $$;
create trigger information_review_window_no_change before update or delete on information_review_window
    for each row execute function information_review_window_append_only();

-- Per research result: when its review window ends (upload or latest version + the council's window), and the
-- instant it is public by default, computed in the transactions that change what it depends on (its window, the
-- proposals that would designate it, the designations covering it) — never by a job. Null: not (yet) known, e.g.
-- while a proposal without deadline that would designate it is open. publication_recorded_at: when the job left the
-- notice and the audit entry of that publication (exactly once); the marking does not wait for it.
alter table information_item add column review_window_ends_at timestamptz;
alter table information_item add column auto_public_at timestamptz;
alter table information_item add column publication_recorded_at timestamptz;
create index information_item_auto_public on information_item (auto_public_at) where auto_public_at is not null;
create index information_item_publication_unrecorded on information_item (auto_public_at)
    where auto_public_at is not null and publication_recorded_at is null;

-- A proposal's revision that would designate items (named, or by a rule) holds their publication by default while it
-- is open: from opened_at until held_until (its deadline, its amendment, its closing; null = open without deadline).
create table information_review_hold (
    proposal_id     uuid        not null,
    opened_at       timestamptz not null,
    council_id      uuid        not null,
    item_ids        uuid[]      not null default '{}',
    rule_category   text,
    rule_project_id uuid,
    held_until      timestamptz,
    primary key (proposal_id, opened_at),
    check (held_until is null or held_until >= opened_at)
);
create index information_review_hold_council on information_review_hold (council_id);

-- Notices now also announce early ends and publications by default (no designation for the latter).
alter table information_notice drop constraint information_notice_kind_check;
alter table information_notice add constraint information_notice_kind_check
    check (kind in ('DESIGNATION_RELEASED', 'DESIGNATION_LIFTED', 'RESULT_PUBLISHED'));
alter table information_notice alter column designation_id drop not null;
alter table information_notice alter column after_period drop not null;
alter table information_notice add constraint information_notice_designated
    check ((kind = 'RESULT_PUBLISHED') = (designation_id is null));

-- Research results already stored get the default window from now, never retroactively: councils have the whole
-- window to designate them or decide otherwise before anything becomes public.
update information_item i
set review_window_ends_at = now() + interval '60 days', auto_public_at = now() + interval '60 days'
where i.category = 'RESEARCH_RESULT' and i.council_id is not null and i.project_id is not null
  and i.published_at is null
  and not exists (select 1 from information_designation_item di where di.item_id = i.id);
