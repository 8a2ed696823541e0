package dev.temper.testsupport;

import static dev.temper.testsupport.Api.as;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Job requests and waiting for jobs, through the API. */
public final class Jobs {

    public static final Duration TIMEOUT = Duration.ofMinutes(4);

    private Jobs() {
    }

    /**
     * A strategy as the API takes it: the engine's strategy JSON, only the parts that differ from the
     * defaults (Adam, constant rate, nothing frozen, no attack).
     */
    public static Map<String, Object> strategy(int epochs, double learningRate, int frozenLayers, boolean fgsm,
            double epsilon) {
        return Map.of("epochs", epochs, "batchSize", 32, "seed", 7,
                "optimizer", Map.of("learningRate", learningRate),
                "freeze", Map.of("firstLayers", frozenLayers),
                "adversarial", fgsm ? Map.of("method", "FGSM", "epsilon", epsilon, "ratio", 0.5)
                        : Map.of("method", "NONE"));
    }

    /** Waits until the job has ended, whichever way, and returns it. */
    public static JsonPath awaitFinished(String user, long jobId) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String state = as(user).get("/api/jobs/{id}", jobId).then().extract().jsonPath().getString("state");
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
        });
        return as(user).get("/api/jobs/{id}", jobId).then().statusCode(200).extract().jsonPath();
    }
}
