-- Encrypted content at rest (R17). One row per stored content; the ciphertext lives in the blob store under the
-- row's id. The data key is stored only wrapped by a key-encryption key (kek_id names its version).
create table information_content (
    id           uuid primary key,
    kek_id       text        not null,
    wrapped_key  bytea       not null,
    iv           bytea       not null check (octet_length(iv) = 12),
    sha256       char(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size         bigint      not null check (size > 0),
    media_type   text        not null,
    created_at   timestamptz not null
);

create index information_content_kek on information_content (kek_id);
