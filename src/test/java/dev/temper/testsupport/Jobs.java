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

    public static Map<String, Object> strategy(int epochs, double learningRate, int frozenLayers, boolean fgsm,
            double epsilon) {
        return Map.of("epochs", epochs, "batchSize", 32, "learningRate", learningRate, "frozenLayers", frozenLayers,
                "fgsm", fgsm, "fgsmEpsilon", epsilon, "seed", 7);
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
