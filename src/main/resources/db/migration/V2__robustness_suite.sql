-- Evaluations run the full robustness suite: keep its headline numbers as columns (the leaderboard
-- sorts and filters by them) and the whole report as JSON.
alter table evaluation_result
    add column clean_lower                double precision,
    add column clean_upper                double precision,
    add column expected_calibration_error double precision,
    add column negative_log_likelihood    double precision,
    add column gradient_masking_suspected boolean not null default false,
    add column report                     text;

-- Jobs and model versions now store the engine's full strategy records and an explicit architecture.
-- Rewrite settings stored in the first format ({"strategy": {flat fields}, "hiddenWidths": [...]}) into
-- exactly what that format meant: Adam at a constant rate, the first N layers frozen, FGSM copies beside
-- the clean batch when fgsm was on, an MLP of the given widths.
create function temper_v2_settings(old jsonb) returns jsonb language sql immutable as $$
    select jsonb_build_object(
        'strategy', jsonb_build_object(
            'epochs', old -> 'strategy' -> 'epochs',
            'batchSize', old -> 'strategy' -> 'batchSize',
            'seed', old -> 'strategy' -> 'seed',
            'optimizer', jsonb_build_object('kind', 'ADAM', 'learningRate', old -> 'strategy' -> 'learningRate',
                                            'momentum', 0, 'headLearningRate', 0),
            'schedule', jsonb_build_object('kind', 'CONSTANT', 'stepEpochs', 1, 'gamma', 1, 'warmupEpochs', 0),
            'adversarial', case when (old -> 'strategy' ->> 'fgsm')::boolean
                then jsonb_build_object('method', 'FGSM', 'epsilon', old -> 'strategy' -> 'fgsmEpsilon',
                                        'stepSize', 0, 'steps', 1, 'randomStart', false, 'ratio', 1,
                                        'keepClean', true, 'warmupEpochs', 0)
                else jsonb_build_object('method', 'NONE', 'epsilon', 0, 'stepSize', 0, 'steps', 1,
                                        'randomStart', false, 'ratio', 1, 'keepClean', false, 'warmupEpochs', 0)
                end,
            'regularization', jsonb_build_object('weightDecay', 0, 'dropout', 0, 'labelSmoothing', 0),
            'freeze', jsonb_build_object('firstLayers', old -> 'strategy' -> 'frozenLayers', 'layerNames', '[]'::jsonb,
                                         'trainTopLayers', 0, 'unfreezeEveryEpochs', 0),
            'earlyStopping', jsonb_build_object('enabled', false, 'metric', 'VALIDATION_LOSS', 'patience', 1,
                                                'minDelta', 0),
            'augmentation', jsonb_build_object('gaussianNoise', 0, 'featureDropout', 0, 'maxShift', 0,
                                               'horizontalFlip', false, 'maxRotationDegrees', 0, 'cutoutSize', 0)),
        'architecture', jsonb_build_object('type', 'MLP', 'hiddenWidths', old -> 'hiddenWidths'))
$$;

update training_job set strategy = temper_v2_settings(strategy::jsonb)::text
    where strategy::jsonb -> 'strategy' ? 'learningRate';
update model_version set strategy = temper_v2_settings(strategy::jsonb)::text
    where strategy::jsonb -> 'strategy' ? 'learningRate';

drop function temper_v2_settings(jsonb);
