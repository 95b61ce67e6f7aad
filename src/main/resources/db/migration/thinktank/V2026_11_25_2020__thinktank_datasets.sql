-- Further count tables of the NCSES layout imported by analysts (R19). The tables are kept as uploaded; indicators
-- are computed from them on first use and cached in memory.
create table thinktank_dataset (
    name       text primary key check (name ~ '^[a-z0-9][a-z0-9-]{2,59}$'),
    created_at timestamptz not null,
    created_by uuid        not null
);

create table thinktank_dataset_table (
    dataset_name text    not null references thinktank_dataset (name),
    position     integer not null,
    title        text    not null check (length(title) between 1 and 500),
    content      bytea   not null,
    primary key (dataset_name, position)
);
