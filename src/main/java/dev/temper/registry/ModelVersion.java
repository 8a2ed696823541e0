package dev.temper.registry;

import dev.temper.dataset.DatasetVersion;
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

/** A trained model, immutable, with its lineage: base version, dataset version, job and its settings. */
@Entity
@Table(name = "model_version")
public class ModelVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "artifact_key", nullable = false)
    public String artifactKey;

    /** The exported model's manifest (architecture, input normalisation, classes) as JSON. */
    @Column(name = "manifest_json", nullable = false)
    public String manifestJson;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "base_version_id")
    public ModelVersion baseVersion;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_version_id")
    public DatasetVersion datasetVersion;

    /** The job that trained it (a plain id: the registry does not depend on training). */
    @Column(name = "job_id", nullable = false)
    public Long jobId;

    /** The job's settings (its strategy and architecture) as JSON, as in the job that trained it. */
    @Column(name = "settings_json", nullable = false)
    public String settingsJson;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String label() {
        return name + " v" + version;
    }
}
