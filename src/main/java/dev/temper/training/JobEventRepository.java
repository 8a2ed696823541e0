package dev.temper.training;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JobEventRepository implements PanacheRepository<JobEvent> {

    void record(long jobId, String kind, String message) {
        JobEvent event = new JobEvent();
        event.jobId = jobId;
        event.at = Instant.now();
        event.kind = kind;
        event.message = message == null || message.length() <= 1000 ? message : message.substring(0, 997) + "...";
        persist(event);
    }

    public List<JobEvent> forJob(long jobId) {
        return list("jobId = ?1 order by id", jobId);
    }
}
