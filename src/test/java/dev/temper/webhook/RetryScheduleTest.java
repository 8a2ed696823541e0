package dev.temper.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void waitsDoubleAfterEachFailureUpToTheCap() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void attemptsAreBounded() {
        assertThat(schedule.retries(4)).isTrue();
        assertThat(schedule.retries(5)).isFalse();
    }
}
