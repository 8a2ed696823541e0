-- Temper schema. Every row that belongs to a team carries the team, so scoping is one predicate.

create table dataset (
    id          bigserial primary key,
    team        varchar(64)  not null,
    name        varchar(120) not null,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    unique (team, name)
);

create table dataset_version (
    id               bigserial primary key,
    dataset_id       bigint       not null references dataset (id),
    team             varchar(64)  not null,
    version          int          not null,
    sha256           char(64)     not null,
    artifact_key     varchar(255) not null,
    row_count        int          not null,
    feature_names    text         not null,
    label_column     varchar(120) not null,
    class_names      text         not null,
    class_counts     text         not null,
    split_seed       bigint       not null,
    train_count      int          not null,
    validation_count int          not null,
    test_count       int          not null,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null,
    unique (dataset_id, version),
    unique (team, sha256)
);

create table training_job (
    id                  bigserial primary key,
    team                varchar(64)  not null,
    kind                varchar(16)  not null,
    state               varchar(16)  not null,
    model_name          varchar(120) not null,
    dataset_version_id  bigint       not null references dataset_version (id),
    base_version_id     bigint,
    evaluated_version_id bigint,
    strategy            text         not null,
    attempt             int          not null default 0,
    epochs_done         int          not null default 0,
    epochs_total        int          not null,
    message             text,
    token_hash          char(64),
    result_version_id   bigint,
    created_by          varchar(64)  not null,
    created_at          timestamptz  not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    heartbeat_at        timestamptz
);
create index training_job_state on training_job (state, id);

create table job_metric (
    id                  bigserial primary key,
    job_id              bigint      not null references training_job (id),
    epoch               int         not null,
    train_loss          double precision not null,
    train_accuracy      double precision not null,
    validation_loss     double precision not null,
    validation_accuracy double precision not null,
    recorded_at         timestamptz not null,
    unique (job_id, epoch)
);

create table model_version (
    id                 bigserial primary key,
    team               varchar(64)  not null,
    name               varchar(120) not null,
    version            int          not null,
    sha256             char(64)     not null,
    artifact_key       varchar(255) not null,
    architecture       text         not null,
    base_version_id    bigint references model_version (id),
    dataset_version_id bigint       not null references dataset_version (id),
    job_id             bigint       not null references training_job (id),
    strategy           text         not null,
    created_by         varchar(64)  not null,
    created_at         timestamptz  not null,
    unique (team, name, version)
);
alter table training_job add foreign key (base_version_id) references model_version (id);
alter table training_job add foreign key (evaluated_version_id) references model_version (id);
alter table training_job add foreign key (result_version_id) references model_version (id);

create table model_alias (
    id               bigserial primary key,
    team             varchar(64) not null,
    alias            varchar(32) not null,
    model_version_id bigint      not null references model_version (id),
    updated_by       varchar(64) not null,
    updated_at       timestamptz not null,
    unique (team, alias)
);

create table evaluation_result (
    id                 bigserial primary key,
    team               varchar(64) not null,
    model_version_id   bigint      not null references model_version (id),
    dataset_version_id bigint      not null references dataset_version (id),
    job_id             bigint      not null references training_job (id),
    examples           int         not null,
    clean_accuracy     double precision not null,
    model_sha256       char(64)    not null,
    dataset_sha256     char(64)    not null,
    engine_version     varchar(120) not null,
    created_at         timestamptz not null,
    unique (model_version_id, dataset_version_id)
);

create table robust_accuracy (
    id                   bigserial primary key,
    evaluation_result_id bigint           not null references evaluation_result (id),
    attack               varchar(16)      not null,
    epsilon              double precision not null,
    accuracy             double precision not null,
    unique (evaluation_result_id, attack, epsilon)
);

create table approval_request (
    id               bigserial primary key,
    team             varchar(64) not null,
    model_version_id bigint      not null references model_version (id),
    target_alias     varchar(32) not null,
    state            varchar(16) not null,
    requested_by     varchar(64) not null,
    requested_at     timestamptz not null,
    request_comment  text,
    decided_by       varchar(64),
    decided_at       timestamptz,
    decision_comment text
);

-- Append-only, hash-chained audit log: the application may insert, never change or remove.
create table audit_entry (
    id          bigserial primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    team        varchar(64),
    action      varchar(64)  not null,
    object_type varchar(32)  not null,
    object_id   varchar(64),
    outcome     varchar(16)  not null,
    details     text,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);

create function audit_entry_is_append_only() returns trigger as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$ language plpgsql;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
