package dev.temper.evaluation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import dev.temper.testsupport.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Results recorded before benchmarks existed (schema V10) join benchmarks as V11 intends: one benchmark per team,
 * dataset version and threat model, its suite the strongest its rows used, so a QUICK row beside STANDARD ones is
 * stale; a row without a threat model, or whose generated benchmark name collides with another's, joins none. Each
 * joined row gets its narrow leaderboard row (headline = worst case at the largest epsilon, base label, the names
 * of the checks that fired) and its worst-case robust accuracies. Run on a scratch database of the test's
 * PostgreSQL, migrated to V10, filled with plain SQL in the old shape, then migrated to the latest version.
 */
class OldResultsJoinBenchmarksMigrationTest {

    /** Two epsilon lists that differ only after the 40 characters a generated name keeps of them. */
    private static final String LONG_EPSILONS_A = "[0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08,0.09]";
    private static final String LONG_EPSILONS_B = "[0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08,0.1]";

    private String database;
    private String url;

    @BeforeEach
    void scratchDatabase() throws SQLException {
        database = "v11_mapping_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = Database.createScratch(database);
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        Database.dropScratch(database);
    }

    @Test
    void oldResultsJoinOneBenchmarkPerTeamDatasetVersionAndThreatModel() throws SQLException {
        migrate(MigrationVersion.fromVersion("10"));
        Map<String, Long> results = new HashMap<>();
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            long irisV2 = datasetVersion(sql, "team-a", "iris", 2);
            long irisV3 = datasetVersion(sql, "team-a", "iris", 3);
            long wine = datasetVersion(sql, "team-b", "wine", 1);
            long base = model(sql, "team-a", "base-net", 1, irisV2, null);
            results.put("standard", result(sql, model(sql, "team-a", "robust-net", 4, irisV2, base), irisV2,
                    "'LINF'", "'[0.1,0.3]'", "'STANDARD'", true, "[]"));
            results.put("quick", result(sql, model(sql, "team-a", "quick-net", 1, irisV2, null), irisV2,
                    "'LINF'", "'[0.1,0.3]'", "'QUICK'", false, "[{\"check\":\"GRADIENT_FREE_STRONGER\",\"reason\":"
                            + "\"r\"},{\"check\":\"ZERO_GRADIENTS\",\"reason\":\"r\"}]"));
            results.put("l2", result(sql, model(sql, "team-a", "l2-net", 1, irisV2, null), irisV2,
                    "'L2'", "'[0.5]'", "'STANDARD'", true, "[]"));
            results.put("quickOnly", result(sql, model(sql, "team-a", "preview-net", 1, irisV3, null), irisV3,
                    "'LINF'", "'[0.1,0.3]'", "'QUICK'", true, "[]"));
            results.put("noThreatModel", result(sql, model(sql, "team-a", "old-net", 1, irisV2, null), irisV2,
                    "null", "null", "null", true, "[]"));
            results.put("longA", result(sql, model(sql, "team-a", "long-a", 1, irisV2, null), irisV2,
                    "'LINF'", "'" + LONG_EPSILONS_A + "'", "'STANDARD'", true, "[]"));
            results.put("longB", result(sql, model(sql, "team-a", "long-b", 1, irisV2, null), irisV2,
                    "'LINF'", "'" + LONG_EPSILONS_B + "'", "'STANDARD'", true, "[]"));
            results.put("otherTeam", result(sql, model(sql, "team-b", "wine-net", 1, wine, null), wine,
                    "'LINF'", "'[0.1,0.3]'", "'STANDARD'", true, "[]"));
        }

        migrate(MigrationVersion.LATEST);

        try (Connection c = connect(); Statement sql = c.createStatement()) {
            assertThat(rows(sql, "select team, name, norm, epsilon_unit, epsilons, suite_version, created_by"
                    + " from benchmark order by team, name")).containsExactly(
                    List.of("team-a", "iris v2 · L2 [0.5]", "L2", "TRAIN_STD", "[0.5]", "STANDARD", "migration"),
                    List.of("team-a", "iris v2 · LINF " + LONG_EPSILONS_A.substring(0, 40), "LINF", "TRAIN_STD",
                            longEpsilonsThatWon(sql), "STANDARD", "migration"),
                    List.of("team-a", "iris v2 · LINF [0.1,0.3]", "LINF", "TRAIN_STD", "[0.1,0.3]", "STANDARD",
                            "migration"),
                    List.of("team-a", "iris v3 · LINF [0.1,0.3]", "LINF", "TRAIN_STD", "[0.1,0.3]", "QUICK",
                            "migration"),
                    List.of("team-b", "wine v1 · LINF [0.1,0.3]", "LINF", "TRAIN_STD", "[0.1,0.3]", "STANDARD",
                            "migration"));

            Map<String, String> benchmarkOf = new HashMap<>();
            for (Map.Entry<String, Long> result : results.entrySet()) {
                benchmarkOf.put(result.getKey(), single(sql, "select b.name from evaluation_result r"
                        + " left join benchmark b on b.id = r.benchmark_id where r.id = " + result.getValue()));
            }
            assertThat(benchmarkOf).containsEntry("standard", "iris v2 · LINF [0.1,0.3]")
                    .containsEntry("quick", "iris v2 · LINF [0.1,0.3]")
                    .containsEntry("l2", "iris v2 · L2 [0.5]")
                    .containsEntry("quickOnly", "iris v3 · LINF [0.1,0.3]")
                    .containsEntry("otherTeam", "wine v1 · LINF [0.1,0.3]")
                    .containsEntry("noThreatModel", null);
            // The colliding pair: whichever was named first has the benchmark, the other joins none.
            assertThat(benchmarkOf.get("longA") == null).isNotEqualTo(benchmarkOf.get("longB") == null);
            assertThat(single(sql, "select count(*) from leaderboard_entry e join evaluation_result r"
                    + " on r.id = e.evaluation_result_id where r.benchmark_id is null")).isEqualTo("0");

            assertThat(entry(sql, results.get("standard"))).containsExactly(
                    "robust-net", "4", "base-net v1", "t", "f", "0.4", "0.9", "STANDARD", "[]");
            assertThat(entry(sql, results.get("quick"))).containsExactly(
                    "quick-net", "1", null, "f", "t", "0.4", "0.9", "QUICK",
                    "[GRADIENT_FREE_STRONGER, ZERO_GRADIENTS]");
            assertThat(entry(sql, results.get("quickOnly")).get(4)).as("stale").isEqualTo("f");
            assertThat(entry(sql, results.get("l2")).get(5)).as("headline robust").isEqualTo("0.2");
            assertThat(rows(sql, "select epsilon, accuracy from leaderboard_robust where evaluation_result_id = "
                    + results.get("standard") + " order by epsilon")).containsExactly(
                    List.of("0.1", "0.7"), List.of("0.3", "0.4"));
        }
    }

    private void migrate(MigrationVersion target) {
        // The connecting superuser is also the app role here, so V19 has no separate role to grant to.
        Flyway.configure().dataSource(url, Database.SUPERUSER, Database.SUPERUSER).target(target)
                .placeholders(Map.of("appRole", Database.SUPERUSER)).load().migrate();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, Database.SUPERUSER, Database.SUPERUSER);
    }

    private static long datasetVersion(Statement sql, String team, String name, int version) throws SQLException {
        long dataset = returningId(sql, "insert into dataset (team, name, created_by, created_at) values ('" + team
                + "', '" + name + "', 'alice', now()) on conflict (team, name) do update set name = excluded.name"
                + " returning id");
        return returningId(sql, "insert into dataset_version (dataset_id, team, version, sha256, artifact_key,"
                + " row_count, feature_names, label_column, class_names, class_counts, split_seed, train_count,"
                + " validation_count, test_count, shape, epsilon_unit, created_by, created_at) values (" + dataset
                + ", '" + team + "', " + version + ", md5('" + name + version + "') || md5('" + version + name
                + "'), 'k', 100, '[\"a\",\"b\"]', 'label', '[\"x\",\"y\"]', '{}', 1, 70, 15, 15, '[2]', 'TRAIN_STD',"
                + " 'alice', now()) returning id");
    }

    private static long model(Statement sql, String team, String name, int version, long datasetVersion, Long base)
            throws SQLException {
        long job = returningId(sql, "insert into training_job (team, kind, state, model_name, dataset_version_id,"
                + " settings_json, epochs_total, created_by, created_at) values ('" + team + "', 'FINETUNE',"
                + " 'SUCCEEDED', '" + name + "', " + datasetVersion + ", '{}', 1, 'alice', now()) returning id");
        return returningId(sql, "insert into model_version (team, name, version, sha256, artifact_key, manifest_json,"
                + " base_version_id, dataset_version_id, job_id, settings_json, created_by, created_at) values ('"
                + team + "', '" + name + "', " + version + ", repeat('b', 64), 'k', '{}', " + base + ", "
                + datasetVersion + ", " + job + ", '{}', 'alice', now()) returning id");
    }

    /**
     * A result as V10 stored it: clean 0.9; robust accuracy by FGSM, PGD and the worst case at each epsilon (worst
     * case 0.7 at the smallest, 0.4 at the largest of two; 0.2 at a single one).
     */
    private static long result(Statement sql, long model, long datasetVersion, String norm, String epsilons,
            String suite, boolean reliable, String flags) throws SQLException {
        String team = single(sql, "select team from model_version where id = " + model);
        long id = returningId(sql, "insert into evaluation_result (team, model_version_id, dataset_version_id, job_id,"
                + " examples, clean_accuracy, clean_lower, clean_upper, expected_calibration_error, model_sha256,"
                + " dataset_sha256, engine_version, created_at, reliable, reliability_flags, threat_norm, threat_unit,"
                + " threat_epsilons, suite_version) select '" + team + "', m.id, " + datasetVersion + ", m.job_id,"
                + " 15, 0.9, 0.8, 0.95, 0.05, m.sha256, repeat('d', 64), 'test', now(), " + reliable + ", '" + flags
                + "', " + norm + ", " + (norm.equals("null") ? "null" : "'TRAIN_STD'") + ", " + epsilons + ", "
                + suite + " from model_version m where m.id = " + model + " returning id");
        if (!epsilons.equals("null")) {
            List<Double> values = Json.read(epsilons.replace("'", ""), new TypeReference<>() { });
            for (int i = 0; i < values.size(); i++) {
                double worst = values.size() == 1 ? 0.2 : i == 0 ? 0.7 : 0.4;
                for (String attack : List.of("FGSM", "PGD", "WORST_CASE")) {
                    double accuracy = attack.equals("WORST_CASE") ? worst : worst + 0.1;
                    sql.execute("insert into robust_accuracy (evaluation_result_id, attack, epsilon, accuracy)"
                            + " values (" + id + ", '" + attack + "', " + values.get(i) + ", " + accuracy + ")");
                }
            }
        }
        return id;
    }

    /** Model name and number, base label, reliable, stale, headline, clean, suite, and the checks as a list. */
    private static List<String> entry(Statement sql, long result) throws SQLException {
        List<String> row = rows(sql, "select model_name, model_number, base_label, reliable, stale, headline_robust,"
                + " clean_accuracy, suite_version, reliability_checks from leaderboard_entry"
                + " where evaluation_result_id = " + result).get(0);
        List<String> checks = Json.read(row.get(8), new TypeReference<>() { });
        List<String> entry = new ArrayList<>(row.subList(0, 8));
        entry.add(checks.toString());
        return entry;
    }

    private static String longEpsilonsThatWon(Statement sql) throws SQLException {
        return single(sql, "select epsilons from benchmark where epsilons like '[0.01,%'");
    }

    private static long returningId(Statement sql, String insert) throws SQLException {
        try (ResultSet id = sql.executeQuery(insert)) {
            id.next();
            return id.getLong(1);
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        List<List<String>> rows = rows(sql, query);
        assertThat(rows).hasSize(1);
        return rows.get(0).get(0);
    }

    private static List<List<String>> rows(Statement sql, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet r = sql.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
