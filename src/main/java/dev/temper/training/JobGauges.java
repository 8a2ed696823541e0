package dev.temper.training;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Jobs by state and team, counted in the database every 15 seconds rather than on every scrape: a scrape then
 * costs no query, and every replica reports the same numbers.
 */
@ApplicationScoped
public class JobGauges {

    private final TrainingJobRepository repository;
    private final MultiGauge jobs;

    JobGauges(TrainingJobRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.jobs = MultiGauge.builder("temper.jobs").description("Jobs by state and team").register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        repository.countsByTeamAndState().forEach((key, count) -> rows.add(MultiGauge.Row.of(
                Tags.of("team", key.team(), "state", key.state().name().toLowerCase(Locale.ROOT)), count)));
        jobs.register(rows, true);
    }
}
