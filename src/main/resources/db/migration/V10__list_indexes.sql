-- Indexes behind the list endpoints' sorts and filters (page, size, sort in the database). Every list is read
-- for the caller's teams, so each index starts with the team; the row id ends it, as it ends every sort (the
-- tie-breaker that keeps pages from repeating or skipping rows). A descending sort reads an index backwards.

-- Models: by creation time and by version number. By name: the unique (team, name, version) index.
create index model_version_team_created on model_version (team, created_at, id);
create index model_version_team_version on model_version (team, version, id);

-- Dataset versions: by registration time. By name: dataset's unique (team, name) and dataset_version's unique
-- (dataset_id, version).
create index dataset_version_team_created on dataset_version (team, created_at, id);

-- Jobs: newest first, alone or narrowed to a state or a kind; a dataset version's jobs; sorted by state.
create index training_job_team_created on training_job (team, created_at, id);
create index training_job_team_state on training_job (team, state, created_at, id);
create index training_job_team_kind on training_job (team, kind, created_at, id);
create index training_job_dataset_version on training_job (dataset_version_id, created_at, id);

-- Approval requests: newest first, alone or narrowed to a state; sorted by state.
create index approval_request_team_requested on approval_request (team, requested_at, id);
create index approval_request_team_state on approval_request (team, state, requested_at, id);

-- The audit trail by time, for the caller's teams and for entries of no team.
create index audit_entry_team_occurred on audit_entry (team, occurred_at, id);
