package dev.temper.evaluation.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a benchmark's leaderboard sorts, filters and shows of one result, in one narrow row: no report, no
 * per-attack detail, model and base names copied in so that sorting by them needs no join. Written with the
 * result, never changed (results and model names are immutable).
 */
@Entity
@Table(name = "leaderboard_entry")
public class LeaderboardEntry {

    @Id
    @Column(name = "evaluation_result_id")
    public Long resultId;

    @Column(name = "benchmark_id", nullable = false)
    public Long benchmarkId;

    @Column(name = "model_version_id", nullable = false)
    public Long modelVersionId;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(name = "model_number", nullable = false)
    public int modelNumber;

    @Column(name = "base_label")
    public String baseLabel;

    @Column(nullable = false)
    public boolean reliable;

    /** Measured with a suite other than the benchmark's: not comparable with the rows that were. */
    @Column(nullable = false)
    public boolean stale;

    /** Worst case over all attacks at the benchmark's largest epsilon. */
    @Column(name = "headline_robust")
    public Double headlineRobust;

    @Column(name = "clean_accuracy", nullable = false)
    public double cleanAccuracy;

    @Column(name = "clean_lower")
    public Double cleanLower;

    @Column(name = "clean_upper")
    public Double cleanUpper;

    @Column(name = "expected_calibration_error")
    public Double expectedCalibrationError;

    @Column(name = "corruption_accuracy")
    public Double corruptionAccuracy;

    @Column(name = "corruption_error")
    public Double corruptionError;

    @Column(nullable = false)
    public int examples;

    @Column(name = "suite_version")
    public String suiteVersion;

    /** JSON array of the reliability checks that fired (their reasons are on the result). */
    @Column(name = "reliability_checks", nullable = false)
    public String reliabilityChecksJson = "[]";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String modelLabel() {
        return modelName + " v" + modelNumber;
    }
}
