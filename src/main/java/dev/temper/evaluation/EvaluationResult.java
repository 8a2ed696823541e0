package dev.temper.evaluation;

import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    /** The gradient-free sentinel beat the gradient attacks, or gradients were exactly zero. */
    @Column(name = "gradient_masking_suspected", nullable = false)
    public boolean gradientMaskingSuspected;

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

    @OneToMany(mappedBy = "result", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("epsilon")
    public List<RobustAccuracy> robustAccuracies = new ArrayList<>();
}
