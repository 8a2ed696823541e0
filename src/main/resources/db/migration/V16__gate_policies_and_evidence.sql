-- Approval gates as named, versioned team policies: every edit inserts a new version; a team's current policy is
-- its highest version. Rows are never updated, so an approval request's evidence can name the version it met.
create table gate_policy (
    id                   bigserial primary key,
    team                 varchar(64)  not null,
    version              integer      not null check (version >= 1),
    name                 varchar(120) not null,
    benchmark_id         bigint       not null references benchmark (id),
    min_clean_lower      double precision check (min_clean_lower between 0 and 1),
    min_robust_accuracy  double precision check (min_robust_accuracy between 0 and 1),
    robust_epsilon       double precision,
    max_ece              double precision check (max_ece between 0 and 1),
    require_current_suite boolean     not null,
    block_regression     boolean      not null,
    required_approvals   integer      not null check (required_approvals between 1 and 3),
    separates_duties     boolean      not null,
    expiry_days          integer      check (expiry_days between 1 and 365),
    created_by           varchar(64)  not null,
    created_at           timestamptz  not null,
    constraint gate_policy_team_version unique (team, version),
    constraint gate_policy_robust_pair check ((min_robust_accuracy is null) = (robust_epsilon is null))
);

-- The evidence a request was made with: canonical JSON, its SHA-256 (also in the request's audit entry), and the
-- policy version it was checked against (null: the team had no policy).
alter table approval_request
    add column evidence_json   text,
    add column evidence_sha256 varchar(64),
    add column policy_id       bigint references gate_policy (id);
