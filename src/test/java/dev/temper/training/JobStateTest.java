package dev.temper.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void onlyAJobThatEndedWithoutAResultCanBeRetried() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isRetryable))
                .containsExactlyInAnyOrder(JobState.FAILED, JobState.CANCELLED);
    }

    @Test
    void everyRetryableStateIsTerminalButSucceededIsNotRetryable() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isRetryable)).allMatch(JobState::isTerminal);
        assertThat(JobState.SUCCEEDED.isTerminal()).isTrue();
        assertThat(JobState.SUCCEEDED.isRetryable()).isFalse();
    }

    @Test
    void activeStatesAreThoseWithAWorkerAttempt() {
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isActive))
                .containsExactlyInAnyOrder(JobState.STARTING, JobState.RUNNING);
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isTerminal))
                .containsExactlyInAnyOrder(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED);
    }
}
