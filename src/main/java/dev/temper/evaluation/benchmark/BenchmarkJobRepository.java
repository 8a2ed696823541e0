package dev.temper.evaluation.benchmark;

import dev.temper.training.JobState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BenchmarkJobRepository implements PanacheRepositoryBase<BenchmarkJob, Long> {

    Optional<Long> benchmarkOf(long jobId) {
        return findByIdOptional(jobId).map(job -> job.benchmarkId);
    }

    /** Whether an evaluation of the model on the benchmark is queued or running (or finished well). */
    boolean hasLiveJob(long benchmarkId, long modelVersionId) {
        return count("from BenchmarkJob b, TrainingJob j where b.jobId = j.id and b.benchmarkId = ?1 "
                        + "and j.evaluatedVersion.id = ?2 and j.state not in ?3", benchmarkId, modelVersionId,
                List.of(JobState.FAILED, JobState.CANCELLED)) > 0;
    }
}
