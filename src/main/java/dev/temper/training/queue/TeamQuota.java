package dev.temper.training.queue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team's quota as an admin set it; teams without one get the configured defaults. */
@Entity
@Table(name = "team_quota")
public class TeamQuota {

    @Id
    public String team;

    @Column(name = "max_gpus", nullable = false)
    public int maxGpus;

    @Column(name = "max_concurrent_jobs", nullable = false)
    public int maxConcurrentJobs;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    QuotaLimits limits() {
        return new QuotaLimits(maxGpus, maxConcurrentJobs);
    }
}
