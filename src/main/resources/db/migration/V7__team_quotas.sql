-- Team quotas set by admins: GPUs a team may hold at once and how many of its jobs may run at once.
-- A team without a row gets the configured defaults (temper.quota.default-*).
create table team_quota (
    team                varchar(255) primary key,
    max_gpus            int          not null check (max_gpus between 0 and 64),
    max_concurrent_jobs int          not null check (max_concurrent_jobs between 1 and 100),
    updated_by          varchar(255) not null,
    updated_at          timestamptz  not null
);
