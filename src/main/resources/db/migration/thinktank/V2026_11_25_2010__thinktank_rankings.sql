-- Rankings of technologies (R19). The request is kept; the result is recomputed from it and the built-in data,
-- which never change, so it is the same on every read. Entries let an assessment find a technology's ranks.
create table thinktank_ranking (
    id         uuid primary key,
    title      text        not null check (length(title) between 1 and 300),
    request    jsonb       not null,
    created_at timestamptz not null,
    created_by uuid        not null
);

create table thinktank_ranking_entry (
    ranking_id    uuid             not null references thinktank_ranking (id),
    position      integer          not null,
    technology_id uuid,
    label         text             not null,
    rank          integer          not null check (rank >= 1),
    closeness     double precision not null check (closeness between 0 and 1),
    primary key (ranking_id, position)
);
create index thinktank_ranking_entry_technology on thinktank_ranking_entry (technology_id);
