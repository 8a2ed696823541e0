package dev.temper.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a job's timeline: queued, started, lost, retried, finished. */
@Entity
@Table(name = "job_event")
public class JobEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    @Column(nullable = false)
    public Instant at;

    /** queued, started, running, waiting, reattached, lost, retried, cancelled, succeeded, failed. */
    @Column(nullable = false)
    public String kind;

    public String message;
}
