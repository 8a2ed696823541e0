package dev.temper.training;

import dev.temper.base.Json;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.training.executor.JobResources;
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
import java.time.Duration;
import java.time.Instant;

/** One unit of GPU work: pre-training, fine-tuning or evaluating, run by one worker at a time. */
@Entity
@Table(name = "training_job")
public class TrainingJob {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_version_id")
    public DatasetVersion datasetVersion;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "base_version_id")
    public ModelVersion baseVersion;

    /** For EVALUATE jobs: the version being measured. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "evaluated_version_id")
    public ModelVersion evaluatedVersion;

    @Column(name = "settings_json", nullable = false)
    public String settingsJson;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "epochs_done", nullable = false)
    public int epochsDone;

    @Column(name = "epochs_total", nullable = false)
    public int epochsTotal;

    public String message;

    @Column(name = "token_hash")
    public String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "result_version_id")
    public ModelVersion resultVersion;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** What names the current attempt's worker to its executor: a process id, a Kubernetes Job name. */
    @Column(name = "worker_ref")
    public String workerRef;

    /** The latest checkpoint a worker uploaded; a new attempt resumes from it. */
    @Column(name = "checkpoint_key")
    public String checkpointKey;

    @Column(name = "checkpoint_epoch", nullable = false)
    public int checkpointEpoch;

    /** Run time of the attempts that have ended; the current one counts from startedAt. */
    @Column(name = "run_seconds_before", nullable = false)
    public double runSecondsBefore;

    /** Epochs already done when the current attempt started (it resumed after them), for its pace. */
    @Column(name = "epochs_at_start", nullable = false)
    public int epochsAtStart;

    /** 0-100; higher runs first within the team. */
    @Column(nullable = false)
    public int priority = JobScheduling.DEFAULT_PRIORITY;

    @Column(nullable = false)
    public int gpus;

    @Column(nullable = false)
    public double cpu = JobResources.DEFAULT.cpu();

    @Column(name = "memory_mib", nullable = false)
    public int memoryMiB = JobResources.DEFAULT.memoryMiB();

    @Column(name = "max_runtime_minutes", nullable = false)
    public int maxRuntimeMinutes = JobScheduling.DEFAULT.maxRuntimeMinutes();

    @Column(name = "max_retries", nullable = false)
    public int maxRetries = JobScheduling.DEFAULT.maxRetries();

    public JobScheduling scheduling() {
        return new JobScheduling(priority, new JobResources(gpus, cpu, memoryMiB), maxRuntimeMinutes, maxRetries);
    }

    void schedule(JobScheduling scheduling) {
        priority = scheduling.priority();
        gpus = scheduling.resources().gpus();
        cpu = scheduling.resources().cpu();
        memoryMiB = scheduling.resources().memoryMiB();
        maxRuntimeMinutes = scheduling.maxRuntimeMinutes();
        maxRetries = scheduling.maxRetries();
    }

    public TrainingSettings settings() {
        return Json.read(settingsJson, TrainingSettings.class);
    }

    /** Seconds its workers have run over all attempts, up to now for a running one. */
    public double runSeconds(Instant now) {
        boolean running = state.isActive() && startedAt != null;
        return runSecondsBefore + (running ? Math.max(0, Duration.between(startedAt, now).toMillis() / 1000.0) : 0);
    }

    /** Whether a lost attempt may be followed by another: every attempt after the first is a retry. */
    boolean hasRetriesLeft() {
        return attempt - 1 < maxRetries;
    }

    /** GPU time used: run time times the GPUs it holds. */
    public double gpuSeconds(Instant now) {
        return gpus * runSeconds(now);
    }

    /**
     * Seconds until the last epoch at the current attempt's pace so far (its start-up included); null when
     * not running or no epoch has finished in this attempt yet.
     */
    public Long etaSeconds(Instant now) {
        int done = epochsDone - epochsAtStart;
        if (state != JobState.RUNNING || startedAt == null || done <= 0) {
            return null;
        }
        double perEpoch = Duration.between(startedAt, now).toMillis() / 1000.0 / done;
        return Math.round(perEpoch * Math.max(0, epochsTotal - epochsDone));
    }

    /** Share of the work done, 0..1, for progress bars. */
    public double progress() {
        if (state == JobState.SUCCEEDED) {
            return 1.0;
        }
        return epochsTotal == 0 ? 0.0 : Math.min(1.0, (double) epochsDone / epochsTotal);
    }
}
