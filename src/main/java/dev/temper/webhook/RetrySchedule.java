package dev.temper.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, then twice as long after each
 * further one, never longer than {@code max}; after {@code maxAttempts} attempts it is given up.
 */
record RetrySchedule(int maxAttempts, Duration first, Duration max) {

    static RetrySchedule of(WebhookConfig config) {
        return new RetrySchedule(config.maxAttempts(), config.firstRetry(), config.maxBackoff());
    }

    /** Whether a delivery that failed {@code attempts} times gets another attempt. */
    boolean retries(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration delayAfter(int attempts) {
        int doublings = Math.min(attempts - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
