package dev.temper.evaluation.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An evaluation job asked for on a benchmark: its worker runs the benchmark's threat model and suite. */
@Entity
@Table(name = "benchmark_job")
public class BenchmarkJob {

    @Id
    @Column(name = "job_id")
    public Long jobId;

    @Column(name = "benchmark_id", nullable = false)
    public Long benchmarkId;
}
