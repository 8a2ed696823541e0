package dev.temper.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.OverlapCheck;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One model version measured on one dataset version's test split: a leaderboard row. */
@Entity
@Table(name = "evaluation_result")
public class EvaluationResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "model_version_id")
    public ModelVersion modelVersion;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_version_id")
    public DatasetVersion datasetVersion;

    @Column(name = "job_id", nullable = false)
    public Long jobId;

    /** The benchmark whose leaderboard the row is on; null on rows recorded before threat models were. */
    @Column(name = "benchmark_id")
    public Long benchmarkId;

    @Column(nullable = false)
    public int examples;

    @Column(name = "clean_accuracy", nullable = false)
    public double cleanAccuracy;

    /** 95% Wilson score interval of the clean accuracy. */
    @Column(name = "clean_lower")
    public Double cleanLower;

    @Column(name = "clean_upper")
    public Double cleanUpper;

    /** Expected calibration error over 15 confidence bins. */
    @Column(name = "expected_calibration_error")
    public Double expectedCalibrationError;

    @Column(name = "negative_log_likelihood")
    public Double negativeLogLikelihood;

    /** No reliability check fired: exactly when {@link #reliabilityFlags()} is empty. Unreliable rows rank last. */
    @Column(nullable = false)
    public boolean reliable;

    /** The reliability checks that fired, as a JSON array of {check, reason}. */
    @Column(name = "reliability_flags", nullable = false)
    public String reliabilityFlagsJson = "[]";

    /** The threat model measured under; null on rows recorded before threat models were recorded. */
    @Column(name = "threat_norm")
    public String threatNorm;

    @Column(name = "threat_unit")
    public String threatUnit;

    /** JSON array of the epsilons measured at. */
    @Column(name = "threat_epsilons")
    public String threatEpsilonsJson;

    /** The engine's description of the threat model, e.g. "L-inf, epsilon 0.1, 0.3 in pixel intensity, ...". */
    @Column(name = "threat_model")
    public String threatModel;

    @Column(name = "suite_version")
    public String suiteVersion;

    /** CHECKED, SAME_VERSION or UNKNOWN ({@link OverlapCheck}); null on rows recorded before the check. */
    @Enumerated(EnumType.STRING)
    @Column(name = "overlap_check")
    public OverlapCheck overlapCheck;

    /** Test examples left out because the model's training data holds the same sample. */
    @Column(name = "excluded_overlap", nullable = false)
    public int excludedOverlap;

    /** Test examples of the dataset version before any exclusion or cap. */
    @Column(name = "test_examples")
    public Integer testExamples;

    /** Where the per-example outcomes ({@code PerExampleOutcomes.encode()}) lie in the artifact store, and their hash. */
    @Column(name = "per_example_key")
    public String perExampleKey;

    @Column(name = "per_example_sha256")
    public String perExampleSha256;

    /**
     * Image models: where the strip of clean and adversarial examples ({@code AdversarialStrip.encode()}) lies in the
     * artifact store, and its hash; null for tables and rows recorded before strips were kept.
     */
    @Column(name = "adversarial_examples_key")
    public String adversarialExamplesKey;

    @Column(name = "adversarial_examples_sha256")
    public String adversarialExamplesSha256;

    /** Image models: mean accuracy over corruption types and severities. */
    @Column(name = "mean_corruption_accuracy")
    public Double meanCorruptionAccuracy;

    /** Image models with a base: corruption errors relative to the base's (mCE; below 1 is better). */
    @Column(name = "mean_corruption_error")
    public Double meanCorruptionError;

    /** The engine's full report (JSON): per-class metrics, reliability bins, noise, corruptions, provenance. */
    public String report;

    /** What reproduces the row: the exact model and data, and the engine that measured them. */
    @Column(name = "model_sha256", nullable = false)
    public String modelSha256;

    @Column(name = "dataset_sha256", nullable = false)
    public String datasetSha256;

    @Column(name = "engine_version", nullable = false)
    public String engineVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<Flag> reliabilityFlags() {
        return Json.read(reliabilityFlagsJson, new TypeReference<>() { });
    }

    public List<Double> threatEpsilons() {
        return threatEpsilonsJson == null ? List.of() : Json.read(threatEpsilonsJson, new TypeReference<>() { });
    }

    @OneToMany(mappedBy = "result", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("epsilon")
    public List<RobustAccuracy> robustAccuracies = new ArrayList<>();
}
