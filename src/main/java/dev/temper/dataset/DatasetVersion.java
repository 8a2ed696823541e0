package dev.temper.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import dev.temper.contract.DataKind;
import dev.temper.contract.SplitPlan;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Immutable content of a dataset, identified by the SHA-256 of its canonical file. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion {

    public static final String CANONICAL_FORMAT = "temper-ds-1";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "artifact_key", nullable = false)
    public String artifactKey;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "feature_names", nullable = false)
    public String featureNamesJson;

    /** The CSV column the labels came from; null for image uploads. */
    @Column(name = "label_column")
    public String labelColumn;

    @Column(name = "class_names", nullable = false)
    public String classNamesJson;

    @Column(name = "class_counts", nullable = false)
    public String classCountsJson;

    @Column(name = "split_seed", nullable = false)
    public long splitSeed;

    @Column(name = "train_count", nullable = false)
    public int trainCount;

    @Column(name = "validation_count", nullable = false)
    public int validationCount;

    @Column(name = "test_count", nullable = false)
    public int testCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DataKind kind;

    /** JSON array: {@code [features]} or {@code [height, width, channels]}. */
    @Column(name = "shape", nullable = false)
    public String shapeJson;

    /** {@link #CANONICAL_FORMAT} for versions written since the registry grew formats; older ones hold a split CSV. */
    @Column(name = "file_format", nullable = false)
    public String fileFormat;

    /** CSV, IDX or IMAGE_ZIP for uploads; null for versions derived from another one. */
    @Column(name = "source_format")
    public String sourceFormat;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "train_ratio", nullable = false)
    public double trainRatio;

    @Column(name = "validation_ratio", nullable = false)
    public double validationRatio;

    @Column(name = "test_ratio", nullable = false)
    public double testRatio;

    /** Samples with at least one missing value; training refuses a version with any. */
    @Column(name = "missing_samples", nullable = false)
    public int missingSamples;

    /**
     * How attack radii (epsilons) and noise are measured on this version: {@link EpsilonUnit#PIXELS} for images;
     * for tables the uploader's choice, train-split standard deviations by default. Derived versions inherit it.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "epsilon_unit", nullable = false)
    public EpsilonUnit epsilonUnit;

    /** Eager: lineage is short and every view of a version names its parent. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "parent_id")
    public DatasetVersion parent;

    /** "upload" or the derivation that produced this version from its parent. */
    @Column(nullable = false)
    public String operation;

    @Column(name = "operation_params", nullable = false)
    public String operationParamsJson;

    /** What the operation did, in words ("dropped 14 exact duplicates"). */
    public String description;

    /** The {@code DatasetProfile} as JSON, computed once when the version is registered. */
    @Column(name = "profile")
    public String profileJson;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "archived_by")
    public String archivedBy;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> featureNames() {
        return Json.read(featureNamesJson, new TypeReference<>() { });
    }

    public List<String> classNames() {
        return Json.read(classNamesJson, new TypeReference<>() { });
    }

    public Map<String, Integer> classCounts() {
        return Json.read(classCountsJson, new TypeReference<>() { });
    }

    public List<Integer> shape() {
        return Json.read(shapeJson, new TypeReference<>() { });
    }

    public Map<String, Object> operationParams() {
        return Json.read(operationParamsJson, new TypeReference<>() { });
    }

    public SplitPlan splitPlan() {
        return new SplitPlan(trainRatio, validationRatio, testRatio, splitSeed);
    }

    /** Values per sample: features, or height x width x channels. */
    public int valueCount() {
        return shape().stream().reduce(1, (a, b) -> a * b);
    }

    /** The unit of epsilon evaluations on this version use; images are always attacked in pixels. */
    public EpsilonUnit epsilonUnit() {
        if (kind == DataKind.IMAGE) {
            return EpsilonUnit.PIXELS;
        }
        return epsilonUnit == null ? EpsilonUnit.TRAIN_STD : epsilonUnit;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** "name v3", how people refer to it. */
    public String label() {
        return dataset.name + " v" + version;
    }
}
