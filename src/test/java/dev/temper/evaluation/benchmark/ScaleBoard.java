package dev.temper.evaluation.benchmark;

import dev.temper.testsupport.HandMadeEvaluations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A benchmark of team-a with a board of any size for the scale harnesses: {@code results} evaluation results and
 * their model versions ({@code scale-model-N}, two bases, 10% unreliable, 5% stale, dates over 400 days), bulk-inserted
 * in PostgreSQL with their leaderboard rows as the recording transaction writes them.
 *
 * @param benchmark the benchmark's id
 * @param datasetVersion the id of its dataset version
 */
public record ScaleBoard(long benchmark, long datasetVersion) {

    /** Alice's new dataset version and benchmark (L-inf 0.1 and 0.3, STANDARD), filled with {@code results} rows. */
    public static ScaleBoard create(HandMadeEvaluations made, DataSource dataSource, int results)
            throws SQLException {
        long dataset = BenchmarkRows.dataset("scale-" + UUID.randomUUID().toString().substring(0, 8))[0];
        long benchmark = BenchmarkRows.benchmarkAt(dataset, "scale-" + UUID.randomUUID(), List.of(0.1, 0.3),
                "STANDARD");
        generate(dataSource, results, dataset, benchmark, made.model(dataset), made.model(dataset),
                made.model(dataset));
        return new ScaleBoard(benchmark, dataset);
    }

    private static void generate(DataSource dataSource, int results, long datasetId, long benchmark, long template,
            long baseA, long baseB) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    insert into model_version (team, name, version, sha256, artifact_key, manifest_json,
                        base_version_id, dataset_version_id, job_id, settings_json, created_by, created_at)
                    select m.team, 'scale-model-' || g, 1, m.sha256, m.artifact_key, m.manifest_json,
                           case g % 3 when 0 then null when 1 then ? else ? end,
                           m.dataset_version_id, m.job_id, m.settings_json, m.created_by, now()
                      from model_version m, generate_series(1, ?) g
                     where m.id = ?""")) {
                p.setLong(1, baseA);
                p.setLong(2, baseB);
                p.setInt(3, results);
                p.setLong(4, template);
                p.executeUpdate();
            }
            s.executeUpdate("update model_version set name = 'scale-base-a' where id = " + baseA);
            s.executeUpdate("update model_version set name = 'scale-base-b' where id = " + baseB);
            try (PreparedStatement p = c.prepareStatement("""
                    insert into evaluation_result (team, model_version_id, dataset_version_id, job_id, examples,
                        clean_accuracy, clean_lower, clean_upper, expected_calibration_error, negative_log_likelihood,
                        reliable, reliability_flags, threat_norm, threat_unit, threat_epsilons, threat_model,
                        suite_version, overlap_check, excluded_overlap, test_examples, mean_corruption_accuracy,
                        mean_corruption_error, report, model_sha256, dataset_sha256, engine_version, created_at,
                        benchmark_id)
                    select m.team, m.id, m.dataset_version_id, m.job_id, 10000, x.clean, x.clean - 0.01,
                           least(1, x.clean + 0.01), x.r3 * 0.2, 0.3 + x.r3, x.r4 > 0.1,
                           case when x.r4 > 0.1 then '[]' else
                             '[{"check":"GRADIENT_FREE_STRONGER","reason":"the search fooled 3 examples PGD missed"}]'
                           end, 'LINF', 'TRAIN_STD', '[0.1,0.3]', 'L-inf, epsilon 0.1, 0.3', case when x.r5 < 0.05
                           then 'QUICK' else 'STANDARD' end, 'SAME_VERSION', 0, 10000, x.r1, 0.5 + x.r2, '{}',
                           m.sha256, repeat('d', 64), 'bench', now() - x.r6 * interval '400 days', ?
                      from model_version m
                      cross join lateral (select 0.5 + random() * 0.5 as clean, random() as r1, random() as r2,
                                                 random() as r3, random() as r4, random() as r5, random() as r6,
                                                 m.id as tie) x
                     where m.name like 'scale-model-%' and m.dataset_version_id = ?""")) {
                p.setLong(1, benchmark);
                p.setLong(2, datasetId);
                p.executeUpdate();
            }
            s.executeUpdate("""
                    insert into robust_accuracy (evaluation_result_id, attack, epsilon, accuracy, ci_lower, ci_upper,
                        correct, examples)
                    select r.id, 'WORST_CASE', e.eps, a.acc, greatest(0, a.acc - 0.01), least(1, a.acc + 0.01),
                           round(a.acc * 10000), 10000
                      from evaluation_result r
                      cross join (values (0.1), (0.3)) e(eps)
                      cross join lateral (select r.clean_accuracy * (1 - e.eps) * (0.4 + 0.6 * random()) as acc,
                                                 r.id as tie) a
                     where r.benchmark_id = %d""".formatted(benchmark));
            s.executeUpdate("""
                    insert into leaderboard_entry (evaluation_result_id, benchmark_id, model_version_id, model_name,
                        model_number, base_label, reliable, stale, headline_robust, clean_accuracy, clean_lower,
                        clean_upper, expected_calibration_error, corruption_accuracy, corruption_error, examples,
                        suite_version, reliability_checks, created_at)
                    select r.id, r.benchmark_id, m.id, m.name, m.version, b.name || ' v' || b.version, r.reliable,
                           r.suite_version <> 'STANDARD', ra.accuracy, r.clean_accuracy, r.clean_lower,
                           r.clean_upper, r.expected_calibration_error, r.mean_corruption_accuracy,
                           r.mean_corruption_error, r.examples, r.suite_version,
                           case when r.reliable then '[]' else '["GRADIENT_FREE_STRONGER"]' end, r.created_at
                      from evaluation_result r
                      join model_version m on m.id = r.model_version_id
                      left join model_version b on b.id = m.base_version_id
                      join robust_accuracy ra on ra.evaluation_result_id = r.id and ra.attack = 'WORST_CASE'
                                             and ra.epsilon = 0.3
                     where r.benchmark_id = %d""".formatted(benchmark));
            s.executeUpdate("""
                    insert into leaderboard_robust (evaluation_result_id, benchmark_id, epsilon, accuracy, ci_lower,
                        ci_upper)
                    select ra.evaluation_result_id, r.benchmark_id, ra.epsilon, ra.accuracy, ra.ci_lower, ra.ci_upper
                      from robust_accuracy ra join evaluation_result r on r.id = ra.evaluation_result_id
                     where r.benchmark_id = %d and ra.attack = 'WORST_CASE'""".formatted(benchmark));
            c.commit();
            c.setAutoCommit(true);
            s.execute("analyze model_version");
            s.execute("analyze evaluation_result");
            s.execute("analyze robust_accuracy");
            s.execute("analyze leaderboard_entry");
            s.execute("analyze leaderboard_robust");
        }
    }
}
