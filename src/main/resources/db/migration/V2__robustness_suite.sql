-- Evaluations run the full robustness suite: keep its headline numbers as columns (the leaderboard
-- sorts and filters by them) and the whole report as JSON.
alter table evaluation_result
    add column clean_lower                double precision,
    add column clean_upper                double precision,
    add column expected_calibration_error double precision,
    add column negative_log_likelihood    double precision,
    add column gradient_masking_suspected boolean not null default false,
    add column report                     text;
