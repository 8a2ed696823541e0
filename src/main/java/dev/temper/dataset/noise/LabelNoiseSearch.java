package dev.temper.dataset.noise;

import dev.temper.dataset.DatasetVersion;
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

/** One background search for suspected label errors in a dataset version, with its progress and result. */
@Entity
@Table(name = "label_noise_search")
public class LabelNoiseSearch {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_version_id")
    public DatasetVersion datasetVersion;

    @Column(nullable = false)
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** 0..1 */
    @Column(nullable = false)
    public double progress;

    /** What the search is doing now ("fold 2 of 5"). */
    public String stage;

    public String message;

    /** How often the quick model's out-of-fold prediction matched the given label. */
    @Column(name = "out_of_fold_accuracy")
    public Double outOfFoldAccuracy;

    /** JSON list of suspects, most suspicious first. */
    @Column(name = "suspects")
    public String suspectsJson;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
