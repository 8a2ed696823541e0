package dev.temper.webhook;

/**
 * What one POST came to: the receiver's status code, or the reason no answer came.
 *
 * @param statusCode null when the request failed before a status arrived
 */
record AttemptOutcome(Integer statusCode, String error, long durationMillis) {

    static AttemptOutcome answered(int statusCode, long durationMillis) {
        return new AttemptOutcome(statusCode, null, durationMillis);
    }

    static AttemptOutcome failed(String error, long durationMillis) {
        String bounded = error.length() > WebhookAttempt.ERROR_MAX_LENGTH
                ? error.substring(0, WebhookAttempt.ERROR_MAX_LENGTH) : error;
        return new AttemptOutcome(null, bounded, durationMillis);
    }

    /** Only a 2xx answer delivers; anything else (redirects included, which are not followed) is retried. */
    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
