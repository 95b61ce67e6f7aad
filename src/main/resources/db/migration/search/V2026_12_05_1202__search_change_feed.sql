-- Search on every node (#19): what changed, written in the business transaction that changed it (a listener of the
-- modules' events that runs inside that transaction). Each node keeps its own index current by applying these rows in
-- the order of the writing transactions' ids, and only those of transactions that have certainly ended (ids below the
-- oldest one still running): see SearchFeed.
create table search_change (
    id         bigserial   primary key,
    xid        xid8        not null default pg_current_xact_id(),
    kind       text        not null check (kind in ('ITEM', 'COUNCIL', 'PROPOSAL', 'MEETING', 'TECHNOLOGY',
                                                     'GUIDELINE')),
    target     uuid        not null,
    node       text        not null check (length(node) <= 200),
    changed_at timestamptz not null default now()
);
create index search_change_xid on search_change (xid, id);
create index search_change_at on search_change (changed_at);

-- The newest transaction id whose rows were deleted: a node whose index has not applied up to it rebuilds its index.
create table search_change_pruned (
    singleton boolean primary key default true check (singleton),
    below_xid xid8    not null
);
