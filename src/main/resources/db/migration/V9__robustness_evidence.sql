-- Robustness numbers a reviewer can defend.

-- The unit a dataset version's epsilons are measured in: images always in pixels; tables in train-split
-- standard deviations (the default) or in the raw units they were uploaded in. Derived versions inherit it.
alter table dataset_version add column epsilon_unit varchar(16);
update dataset_version set epsilon_unit = case when kind = 'IMAGE' then 'PIXELS' else 'TRAIN_STD' end;
alter table dataset_version alter column epsilon_unit set not null;

-- Reliability: the engine's flags (check + reason, as a small JSON array) replace the single
-- "gradient masking suspected" boolean. Rows recorded before keep what they said, as one flag.
alter table evaluation_result
    add column reliable          boolean,
    add column reliability_flags text not null default '[]';
update evaluation_result set reliable = not gradient_masking_suspected;
update evaluation_result
   set reliability_flags = '[{"check":"GRADIENT_FREE_STRONGER","reason":"Recorded before the reliability checks: the gradient-free search beat the gradient attacks (gradient masking suspected)"}]'
 where gradient_masking_suspected;
alter table evaluation_result alter column reliable set not null;
alter table evaluation_result drop column gradient_masking_suspected;

-- The threat model and suite a row was measured under (null for rows recorded before), the overlap check
-- against the model's training data, and the per-example outcomes in the artifact store.
alter table evaluation_result
    add column threat_norm           varchar(8),
    add column threat_unit           varchar(16),
    add column threat_epsilons       text,
    add column threat_model          varchar(300),
    add column suite_version         varchar(16),
    add column overlap_check         varchar(24),
    add column excluded_overlap      int not null default 0,
    add column test_examples         int,
    add column per_example_key       varchar(300),
    add column per_example_sha256    char(64);

-- Each robust point with its 95% Wilson interval and counts (null for rows recorded before); attack
-- names are data (the engine's suites name their attacks), so they get room.
alter table robust_accuracy
    alter column attack type varchar(64),
    add column ci_lower double precision,
    add column ci_upper double precision,
    add column correct  int,
    add column examples int;
