-- Dataset registry: sample kinds and shapes, the canonical binary file, split ratios, lineage, archiving,
-- the stored profile, and background label-noise searches.
alter table dataset_version
    add column kind             varchar(16)  not null default 'TABULAR',
    add column shape            text         not null default '[]',
    add column file_format      varchar(16)  not null default 'split-csv',
    add column source_format    varchar(16),
    add column size_bytes       bigint       not null default 0,
    add column train_ratio      double precision not null default 0.70,
    add column validation_ratio double precision not null default 0.15,
    add column test_ratio       double precision not null default 0.15,
    add column missing_samples  int          not null default 0,
    add column parent_id        bigint references dataset_version (id),
    add column operation        varchar(40)  not null default 'upload',
    add column operation_params text         not null default '{}',
    add column description      text,
    add column profile          text,
    add column archived_at      timestamptz,
    add column archived_by      varchar(64);

-- Rows from before this migration keep the split CSV they were written as; workers read both formats.
update dataset_version set shape = '[' || (length(feature_names) - length(replace(feature_names, ',', '')) + 1) || ']'
    where feature_names <> '[]';
alter table dataset_version alter column file_format set default 'temper-ds-1';
alter table dataset_version alter column label_column drop not null;
create index dataset_version_parent on dataset_version (parent_id);

create table label_noise_search (
    id                   bigserial primary key,
    dataset_version_id   bigint       not null references dataset_version (id) on delete cascade,
    team                 varchar(64)  not null,
    state                varchar(16)  not null,
    progress             double precision not null default 0,
    stage                text,
    message              text,
    out_of_fold_accuracy double precision,
    suspects             text,
    created_by           varchar(64)  not null,
    created_at           timestamptz  not null,
    finished_at          timestamptz
);
create index label_noise_search_version on label_noise_search (dataset_version_id, id);
