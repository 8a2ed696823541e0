package dev.temper.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    @Column(name = "label_column", nullable = false)
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

    /** "name v3", how people refer to it. */
    public String label() {
        return dataset.name + " v" + version;
    }
}
