package dev.temper.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * POSTs one attempt of a delivery, signed, within the configured timeouts, and never follows a redirect (it could
 * lead to an address the target rules refuse). The answer's body is not read.
 */
@ApplicationScoped
class WebhookSender {

    static final String EVENT_HEADER = "X-Temper-Event";
    static final String DELIVERY_HEADER = "X-Temper-Delivery";
    static final String TIMESTAMP_HEADER = "X-Temper-Timestamp";
    static final String SIGNATURE_HEADER = "X-Temper-Signature";

    private final WebhookConfig config;
    private final HttpClient client;

    WebhookSender(WebhookConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    AttemptOutcome send(Outgoing delivery) {
        long started = System.nanoTime();
        URI target = URI.create(delivery.url());
        Optional<String> refused = WebhookTarget.refusal(target, config.allowPrivateTargets(), WebhookTarget.DNS);
        if (refused.isPresent()) {
            return AttemptOutcome.failed("not sent: " + refused.get(), millisSince(started));
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Temper-Webhooks")
                .header(EVENT_HEADER, delivery.event())
                .header(DELIVERY_HEADER, Long.toString(delivery.deliveryId()))
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Closed unread: a receiver that streams an endless body cannot hold the sender.
            response.body().close();
            return AttemptOutcome.answered(response.statusCode(), millisSince(started));
        } catch (HttpTimeoutException e) {
            return AttemptOutcome.failed("no answer within " + config.requestTimeout().toMillis() + " ms",
                    millisSince(started));
        } catch (ConnectException e) {
            return AttemptOutcome.failed("could not connect to " + target.getHost() + (target.getPort() < 0 ? ""
                    : ":" + target.getPort()) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    millisSince(started));
        } catch (IOException e) {
            return AttemptOutcome.failed("request failed: " + (e.getMessage() == null ? "connection error"
                    : e.getMessage()), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptOutcome.failed("interrupted while sending (server stopping)", millisSince(started));
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
