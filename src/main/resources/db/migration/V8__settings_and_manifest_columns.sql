-- Column names that say what they hold: a job's and a model version's "strategy" hold the job's settings
-- (the strategy and the architecture, as JSON), and a model version's "architecture" holds the exported
-- model's manifest (architecture, input normalisation, classes, as JSON). Renames keep the data as it is.
alter table training_job rename column strategy to settings_json;
alter table model_version rename column strategy to settings_json;
alter table model_version rename column architecture to manifest_json;
