package dev.temper.training;

import dev.temper.contract.EpochReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Loss and accuracy of one epoch, as the worker measured them. */
@Entity
@Table(name = "job_metric")
public class JobMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public Long jobId;

    @Column(nullable = false)
    public int epoch;

    @Column(name = "train_loss", nullable = false)
    public double trainLoss;

    @Column(name = "train_accuracy", nullable = false)
    public double trainAccuracy;

    @Column(name = "validation_loss", nullable = false)
    public double validationLoss;

    @Column(name = "validation_accuracy", nullable = false)
    public double validationAccuracy;

    @Column(name = "learning_rate")
    public Double learningRate;

    @Column(name = "robust_accuracy")
    public Double robustAccuracy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static JobMetric of(long jobId, EpochReport report) {
        JobMetric metric = new JobMetric();
        metric.jobId = jobId;
        metric.epoch = report.epoch();
        metric.trainLoss = report.trainLoss();
        metric.trainAccuracy = report.trainAccuracy();
        metric.validationLoss = report.validationLoss();
        metric.validationAccuracy = report.validationAccuracy();
        metric.learningRate = report.learningRate();
        metric.robustAccuracy = report.robustAccuracy();
        metric.recordedAt = Instant.now();
        return metric;
    }
}
