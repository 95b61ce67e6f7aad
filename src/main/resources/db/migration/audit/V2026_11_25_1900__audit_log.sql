-- Audit (R17): a transactional outbox and an append-only RFC 6962 Merkle tree with signed checkpoints.

-- Written by the publishing transaction itself: a rollback removes the row, a commit keeps it. The sequencer moves
-- rows into audit_leaf and deletes them here; this table is the only one of the module that allows deletes.
create table audit_pending (
    id      bigserial primary key,
    leaf    bytea       not null,
    kind    text        not null,
    actor   uuid,
    council uuid,
    item    uuid,
    at      timestamptz not null
);

-- The log: dense indices from 0, the exact leaf bytes and their RFC 6962 leaf hash.
create table audit_leaf (
    idx          bigint primary key check (idx >= 0),
    leaf         bytea       not null,
    leaf_hash    bytea       not null check (length(leaf_hash) = 32),
    kind         text        not null,
    actor        uuid,
    council      uuid,
    item         uuid,
    at           timestamptz not null,
    sequenced_at timestamptz not null
);
create index audit_leaf_actor on audit_leaf (actor, idx) where actor is not null;
create index audit_leaf_council on audit_leaf (council, idx) where council is not null;
create index audit_leaf_item on audit_leaf (item, idx) where item is not null;
create index audit_leaf_kind on audit_leaf (kind, idx);
create index audit_leaf_at on audit_leaf (at);

-- Hashes of every complete subtree above the leaves: (level, index) covers leaves [index * 2^level,
-- (index + 1) * 2^level). Any proof reads O(log n) of these rows.
create table audit_node (
    level smallint not null check (level between 1 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Every signed tree head, as served (C2SP tlog-checkpoint in a signed note).
create table audit_checkpoint (
    id        bigserial primary key,
    tree_size bigint      not null check (tree_size >= 0),
    root      bytea       not null check (length(root) = 32),
    note      text        not null,
    key_id    text        not null,
    signed_at timestamptz not null
);
create index audit_checkpoint_size on audit_checkpoint (tree_size);

-- The log only grows: no UPDATE, DELETE or TRUNCATE on its tables. (A superuser can disable triggers; verification
-- then finds the altered entry.)
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_leaf_append_only before update or delete on audit_leaf
    for each row execute function audit_refuse_change();
create trigger audit_leaf_no_truncate before truncate on audit_leaf
    for each statement execute function audit_refuse_change();
create trigger audit_node_append_only before update or delete on audit_node
    for each row execute function audit_refuse_change();
create trigger audit_node_no_truncate before truncate on audit_node
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
