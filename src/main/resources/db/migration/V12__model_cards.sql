-- Model cards. The requester states what a version is meant for when asking for its approval; the card of an
-- approved version is rendered once, at approval, and kept with its SHA-256 so later reads can prove it unchanged.
alter table approval_request add column intended_use varchar(2000);
create index approval_request_model_version on approval_request (model_version_id, id);

create table model_card (
    id                  bigserial primary key,
    team                varchar(64) not null,
    model_version_id    bigint      not null unique references model_version (id),
    approval_request_id bigint      not null references approval_request (id),
    markdown            text        not null,
    sha256              char(64)    not null,
    frozen_by           varchar(64) not null,
    frozen_at           timestamptz not null
);

-- The model page: versions derived from a version, and a model name's history.
create index model_version_base_version on model_version (base_version_id);
