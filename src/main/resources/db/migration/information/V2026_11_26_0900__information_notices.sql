-- Notices to a council's members (R16: every release is announced, with no one having to act). A notice names the
-- items it concerns; what a reader sees of them is decided by the access policy when the notice is read (R17), so a
-- notice never shows an item its reader may not see. Append-only like the release it records.
create table information_notice (
    id             uuid        primary key,
    council_id     uuid        not null,
    kind           text        not null check (kind in ('DESIGNATION_RELEASED')),
    designation_id uuid        not null references information_designation (id),
    after_period   text        not null check (after_period in ('PUBLIC', 'COUNCIL')),
    created_at     timestamptz not null,
    unique (kind, designation_id)
);
create index information_notice_council on information_notice (council_id, created_at desc);

create table information_notice_item (
    notice_id uuid not null references information_notice (id),
    item_id   uuid not null references information_item (id),
    primary key (notice_id, item_id)
);

create function information_notice_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'information notices are append-only';
end $$;
create trigger information_notice_no_change before update or delete on information_notice
    for each row execute function information_notice_append_only();
create trigger information_notice_no_truncate before truncate on information_notice
    for each statement execute function information_notice_append_only();
create trigger information_notice_item_no_change before update or delete on information_notice_item
    for each row execute function information_notice_append_only();
