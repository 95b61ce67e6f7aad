-- Page sessions in the database (#19): Spring Session JDBC's PostgreSQL schema (spring-session-jdbc 4.0,
-- schema-postgresql.sql) under the module's table prefix (spring.session.jdbc.table-name=identity_page_session), so
-- that any node serves any session and a restart signs nobody out.
create table identity_page_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint identity_page_session_pk primary key (primary_id)
);
create unique index identity_page_session_ix1 on identity_page_session (session_id);
create index identity_page_session_ix2 on identity_page_session (expiry_time);
create index identity_page_session_ix3 on identity_page_session (principal_name);

create table identity_page_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint identity_page_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint identity_page_session_attributes_fk foreign key (session_primary_id)
        references identity_page_session (primary_id) on delete cascade
);
