package dev.temper.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class JobMetricRepository implements PanacheRepository<JobMetric> {

    public List<JobMetric> forJob(long jobId) {
        return list("jobId = ?1 order by epoch", jobId);
    }

    void deleteAfterEpoch(long jobId, int epoch) {
        delete("jobId = ?1 and epoch > ?2", jobId, epoch);
    }

    public boolean exists(long jobId, int epoch) {
        return count("jobId = ?1 and epoch = ?2", jobId, epoch) > 0;
    }
}
