package dev.temper.training;

import static dev.temper.training.JobState.CANCELLED;
import static dev.temper.training.JobState.FAILED;
import static dev.temper.training.JobState.QUEUED;
import static dev.temper.training.JobState.RUNNING;
import static dev.temper.training.JobState.STARTING;
import static dev.temper.training.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules {@link JobTransitions} applies, checked without its repositories, audit log or store. */
class JobTransitionRulesTest {

    /** Every edge JobState's documentation lists, written out once more by hand. */
    private static final Map<JobState, Set<JobState>> EDGES = Map.of(
            QUEUED, EnumSet.of(STARTING, CANCELLED),
            STARTING, EnumSet.of(RUNNING, SUCCEEDED, FAILED, CANCELLED, QUEUED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, QUEUED),
            SUCCEEDED, EnumSet.noneOf(JobState.class),
            FAILED, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.of(QUEUED));

    @Test
    void exactlyTheDocumentedEdgesAreAllowed() {
        List<String> wrong = new ArrayList<>();
        for (JobState from : JobState.values()) {
            for (JobState to : JobState.values()) {
                if (from.canBecome(to) != EDGES.get(from).contains(to)) {
                    wrong.add(from + " -> " + to);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void whatAUserMayRetryTheTransitionsLetBeQueuedAgain() {
        assertThat(EnumSet.allOf(JobState.class)).filteredOn(JobState::isRetryable)
                .isNotEmpty()
                .allMatch(state -> state.canBecome(QUEUED));
    }

    @Test
    void aLostAttemptIsFollowedByAnotherWhileRetriesRemain() {
        TrainingJob job = new TrainingJob();
        job.maxRetries = 2;

        job.attempt = 1;
        assertThat(job.hasRetriesLeft()).isTrue();
        job.attempt = 2;
        assertThat(job.hasRetriesLeft()).isTrue();
        job.attempt = 3;
        assertThat(job.hasRetriesLeft()).isFalse();
    }

    @Test
    void withoutRetriesTheFirstLostAttemptIsTheLast() {
        TrainingJob job = new TrainingJob();
        job.maxRetries = 0;
        job.attempt = 1;

        assertThat(job.hasRetriesLeft()).isFalse();
    }
}
