-- Technology reference data: the guideline's technology areas and the K Program vision technologies.
-- Editable by program officers; every edit keeps the previous row in a history table (written by a trigger, so no
-- code path can forget it).

create table technology_area (
    code                text primary key check (code ~ '^A[0-9]{2}$'),
    name_ja             text        not null check (length(name_ja) between 1 and 200),
    name_en             text        not null check (length(name_en) between 1 and 200),
    source              text        not null,
    confirmed_in_source boolean     not null,
    revision            integer     not null default 1,
    updated_at          timestamptz not null,
    updated_by          uuid
);

create table technology_area_history (
    code                text        not null,
    revision            integer     not null,
    name_ja             text        not null,
    name_en             text        not null,
    source              text        not null,
    confirmed_in_source boolean     not null,
    updated_at          timestamptz not null,
    updated_by          uuid,
    primary key (code, revision)
);

create function technology_area_keep_history() returns trigger language plpgsql as $$
begin
    insert into technology_area_history (code, revision, name_ja, name_en, source, confirmed_in_source,
                                         updated_at, updated_by)
    values (old.code, old.revision, old.name_ja, old.name_en, old.source, old.confirmed_in_source,
            old.updated_at, old.updated_by);
    new.revision := old.revision + 1;
    return new;
end;
$$;

create trigger technology_area_history_on_update
    before update on technology_area
    for each row execute function technology_area_keep_history();

create table technology_vision_technology (
    id                  uuid primary key,
    vision              integer     not null check (vision > 0),
    domain_ja           text        not null,
    domain_en           text        not null,
    name_ja             text        not null,
    name_en             text        not null,
    confirmed_in_source boolean     not null,
    position            integer     not null,
    unique (vision, name_ja)
);
