-- R16: a revision may end one of the council's designations early (or, with its designation, narrow it), and a
-- proposal of matter (4) may set the council's review window for research results. The designation is the
-- information module's row, referred to by id only.
alter table council_proposal_revision add column lifts_designation_id uuid;
alter table council_proposal_revision add column review_window_days integer
    check (review_window_days is null or review_window_days between 1 and 3650);

-- The discussion under a proposal: questions and answers by members of participants, append-only like the answers.
create table council_proposal_discussion (
    seq            bigint generated always as identity primary key,
    proposal_id    uuid        not null references council_proposal (id),
    council_id     uuid        not null references council_council (id),
    participant_id uuid        not null references council_participant (id),
    author_id      uuid        not null,
    text           text        not null check (length(btrim(text)) between 1 and 2000),
    at             timestamptz not null
);
create index council_proposal_discussion_proposal on council_proposal_discussion (proposal_id, seq);

create function council_discussion_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'a proposal''s discussion is append-only';
end $$;
create trigger council_discussion_no_change before update or delete on council_proposal_discussion
    for each row execute function council_discussion_append_only();
