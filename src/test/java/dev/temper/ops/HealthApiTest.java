package dev.temper.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The probes Kubernetes and operators read, with every dependency up (the down cases are in their features' tests). */
@QuarkusTest
class HealthApiTest {

    @Test
    void readinessCoversTheDatabaseAndTheArtifactStore() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("artifact-store"))
                .body("checks.find { it.name == 'artifact-store' }.data.usableBytes", notNullValue())
                .body("checks.find { it.name == 'artifact-store' }.data.reserveBytes", notNullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theDependenciesGroupShowsKeycloakAndTheStore() {
        given().get("/q/health/group/dependencies").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("identity-provider", "artifact-store"));
    }
}
