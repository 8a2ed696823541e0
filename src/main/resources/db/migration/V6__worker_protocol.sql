-- Worker protocol: the worker of each attempt, checkpoints to resume from, time used, metric points,
-- log lines and a timeline per job.
alter table training_job
    add column worker_ref         varchar(255),
    add column checkpoint_key     varchar(512),
    add column checkpoint_epoch   int              not null default 0,
    add column run_seconds_before double precision not null default 0,
    add column epochs_at_start    int              not null default 0;

alter table job_metric
    add column learning_rate   double precision,
    add column robust_accuracy double precision;

-- Step- and epoch-level values by name; (job, name, step) is the identity that makes a resent batch harmless.
create table job_metric_point (
    job_id      bigint           not null references training_job (id) on delete cascade,
    name        varchar(64)      not null,
    step        int              not null,
    epoch       int              not null,
    value       double precision not null,
    attempt     int              not null,
    recorded_at timestamptz      not null,
    primary key (job_id, name, step)
);

create table job_log_line (
    job_id    bigint      not null references training_job (id) on delete cascade,
    attempt   int         not null,
    seq       int         not null,
    logged_at timestamptz not null,
    line      text        not null,
    primary key (job_id, attempt, seq)
);

create table job_event (
    id      bigserial primary key,
    job_id  bigint       not null references training_job (id) on delete cascade,
    at      timestamptz  not null,
    kind    varchar(32)  not null,
    message varchar(1000)
);
create index job_event_job on job_event (job_id, id);
