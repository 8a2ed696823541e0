package dev.temper.training.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code temper.quota.*}: what a team an admin has not set a quota for may hold at once. */
@ConfigMapping(prefix = "temper.quota")
public interface QuotaConfig {

    @WithDefault("4")
    @Min(0)
    @Max(QuotaLimits.MAX_GPUS)
    int defaultGpus();

    @WithDefault("2")
    @Min(1)
    @Max(QuotaLimits.MAX_CONCURRENT_JOBS)
    int defaultConcurrentJobs();

    default QuotaLimits defaults() {
        return new QuotaLimits(defaultGpus(), defaultConcurrentJobs());
    }
}
