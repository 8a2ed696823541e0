-- Benchmarks: a dataset version's test split + a threat model + a suite version, owned by a team. Each has
-- its leaderboard, which sorts, filters and pages in the database over the narrow leaderboard_entry rows.

create table benchmark (
    id                 bigserial primary key,
    team               varchar(64)  not null,
    name               varchar(120) not null,
    dataset_version_id bigint       not null references dataset_version (id),
    norm               varchar(8)   not null,
    epsilon_unit       varchar(16)  not null,
    -- JSON array, ascending and distinct, written exactly like evaluation_result.threat_epsilons
    epsilons           varchar(400) not null,
    suite_version      varchar(16)  not null,
    created_by         varchar(64)  not null,
    created_at         timestamptz  not null,
    unique (team, name)
);
create index benchmark_by_team_created on benchmark (team, created_at, id);
-- Which benchmark a new result of this dataset version and threat model belongs to.
create index benchmark_by_definition on benchmark (team, dataset_version_id, norm, epsilon_unit, epsilons);

-- Evaluation jobs asked for on a benchmark: the worker gets the benchmark's threat model and suite.
create table benchmark_job (
    job_id       bigint primary key references training_job (id),
    benchmark_id bigint not null references benchmark (id)
);
create index benchmark_job_by_benchmark on benchmark_job (benchmark_id);

-- A result row records its benchmark. A model version has one row per benchmark; rows on no benchmark (recorded
-- before threat models were) keep the old rule of one row per model and dataset version.
alter table evaluation_result add column benchmark_id bigint references benchmark (id);
alter table evaluation_result drop constraint evaluation_result_model_version_id_dataset_version_id_key;
create unique index evaluation_result_one_off_benchmark on evaluation_result (model_version_id, dataset_version_id)
    where benchmark_id is null;
create unique index evaluation_result_one_per_benchmark on evaluation_result (benchmark_id, model_version_id)
    where benchmark_id is not null;

-- What a leaderboard sorts, filters and shows, one narrow row per result on a benchmark (no report JSON, no
-- per-attack detail), written in the transaction that records the result. Results never change afterwards.
create table leaderboard_entry (
    evaluation_result_id       bigint primary key references evaluation_result (id),
    benchmark_id               bigint           not null references benchmark (id),
    model_version_id           bigint           not null references model_version (id),
    model_name                 varchar(120)     not null,
    model_number               int              not null,
    base_label                 varchar(140),
    reliable                   boolean          not null,
    -- measured with a suite other than the benchmark's (e.g. a QUICK preview on a STANDARD benchmark)
    stale                      boolean          not null,
    -- worst case over all attacks at the benchmark's largest epsilon: what the default ranking orders by
    headline_robust            double precision,
    clean_accuracy             double precision not null,
    clean_lower                double precision,
    clean_upper                double precision,
    expected_calibration_error double precision,
    corruption_accuracy        double precision,
    corruption_error           double precision,
    examples                   int              not null,
    suite_version              varchar(16),
    -- JSON array of the names of the reliability checks that fired
    reliability_checks         varchar(1000)    not null,
    created_at                 timestamptz      not null
);

-- Worst-case robust accuracy at each of the benchmark's epsilons, with its 95% interval.
create table leaderboard_robust (
    id                   bigserial primary key,
    evaluation_result_id bigint           not null references leaderboard_entry (evaluation_result_id),
    benchmark_id         bigint           not null references benchmark (id),
    epsilon              double precision not null,
    accuracy             double precision not null,
    ci_lower             double precision,
    ci_upper             double precision,
    unique (evaluation_result_id, epsilon)
);

-- Existing rows with a recorded threat model join a benchmark of their team: one per dataset version and
-- threat model (norm, unit, epsilons). Its suite is the strongest the rows were measured with (STANDARD if any
-- was), so QUICK previews beside STANDARD rows show as stale. Rows without a threat model, or whose generated
-- name collides with another, stay on the per-dataset board only.
insert into benchmark (team, name, dataset_version_id, norm, epsilon_unit, epsilons, suite_version, created_by,
                       created_at)
select r.team,
       left(d.name, 60) || ' v' || dv.version || ' · ' || r.threat_norm || ' ' || left(r.threat_epsilons, 40),
       r.dataset_version_id, r.threat_norm, r.threat_unit, r.threat_epsilons,
       case when bool_or(r.suite_version = 'STANDARD') then 'STANDARD' else 'QUICK' end,
       'migration', min(r.created_at)
  from evaluation_result r
  join dataset_version dv on dv.id = r.dataset_version_id
  join dataset d on d.id = dv.dataset_id
 where r.threat_norm is not null and r.threat_unit is not null and r.threat_epsilons is not null
   and r.suite_version is not null
 group by r.team, r.dataset_version_id, d.name, dv.version, r.threat_norm, r.threat_unit, r.threat_epsilons
on conflict (team, name) do nothing;

update evaluation_result r
   set benchmark_id = b.id
  from benchmark b
 where b.created_by = 'migration' and b.team = r.team and b.dataset_version_id = r.dataset_version_id
   and b.norm = r.threat_norm and b.epsilon_unit = r.threat_unit and b.epsilons = r.threat_epsilons
   and r.suite_version is not null;

insert into leaderboard_entry (evaluation_result_id, benchmark_id, model_version_id, model_name, model_number,
                               base_label, reliable, stale, headline_robust, clean_accuracy, clean_lower,
                               clean_upper, expected_calibration_error, corruption_accuracy, corruption_error,
                               examples, suite_version, reliability_checks, created_at)
select r.id, r.benchmark_id, m.id, m.name, m.version, base.name || ' v' || base.version, r.reliable,
       r.suite_version <> b.suite_version,
       (select ra.accuracy from robust_accuracy ra
         where ra.evaluation_result_id = r.id and ra.attack = 'WORST_CASE' order by ra.epsilon desc limit 1),
       r.clean_accuracy, r.clean_lower, r.clean_upper, r.expected_calibration_error, r.mean_corruption_accuracy,
       r.mean_corruption_error, r.examples, r.suite_version,
       coalesce((select jsonb_agg(f ->> 'check')::text from jsonb_array_elements(r.reliability_flags::jsonb) f),
                '[]'),
       r.created_at
  from evaluation_result r
  join benchmark b on b.id = r.benchmark_id
  join model_version m on m.id = r.model_version_id
  left join model_version base on base.id = m.base_version_id;

insert into leaderboard_robust (evaluation_result_id, benchmark_id, epsilon, accuracy, ci_lower, ci_upper)
select ra.evaluation_result_id, r.benchmark_id, ra.epsilon, ra.accuracy, ra.ci_lower, ra.ci_upper
  from robust_accuracy ra
  join evaluation_result r on r.id = ra.evaluation_result_id
 where r.benchmark_id is not null and ra.attack = 'WORST_CASE';

-- One index per sort and filter of GET /api/benchmarks/{id}/leaderboard, each led by the benchmark: the first
-- page under any order is an index walk of 'size' rows, not a sort of the whole board.
create index leaderboard_by_rank on leaderboard_entry
    (benchmark_id, reliable desc, stale, headline_robust desc nulls last, clean_accuracy desc, evaluation_result_id);
create index leaderboard_by_model on leaderboard_entry (benchmark_id, model_name, model_number, evaluation_result_id);
create index leaderboard_by_model_prefix on leaderboard_entry (benchmark_id, lower(model_name) text_pattern_ops);
create index leaderboard_by_base on leaderboard_entry (benchmark_id, base_label, evaluation_result_id);
create index leaderboard_by_base_prefix on leaderboard_entry (benchmark_id, lower(base_label) text_pattern_ops);
create index leaderboard_by_clean on leaderboard_entry (benchmark_id, clean_accuracy, evaluation_result_id);
create index leaderboard_by_ece on leaderboard_entry (benchmark_id, expected_calibration_error, evaluation_result_id);
create index leaderboard_by_corruption on leaderboard_entry (benchmark_id, corruption_accuracy, evaluation_result_id);
create index leaderboard_by_mce on leaderboard_entry (benchmark_id, corruption_error, evaluation_result_id);
create index leaderboard_by_examples on leaderboard_entry (benchmark_id, examples, evaluation_result_id);
create index leaderboard_by_date on leaderboard_entry (benchmark_id, created_at, evaluation_result_id);
create index leaderboard_by_reliable_date on leaderboard_entry (benchmark_id, reliable, created_at);
create index leaderboard_robust_by_accuracy on leaderboard_robust
    (benchmark_id, epsilon, accuracy, evaluation_result_id);
