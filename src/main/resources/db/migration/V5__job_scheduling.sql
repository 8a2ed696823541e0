-- Job scheduling: priority within the team, resources, maximum run time and retry limit.
alter table training_job
    add column priority            int              not null default 50,
    add column gpus                int              not null default 0,
    add column cpu                 double precision not null default 1,
    add column memory_mib          int              not null default 2048,
    add column max_runtime_minutes int              not null default 120,
    add column max_retries         int              not null default 2;
create index training_job_queue on training_job (state, priority desc, id);
