package dev.temper.security;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak unreachable for sign-ins, without stopping the test Keycloak that every other test shares: the sign-in
 * check probes a realm on port 1, where nothing listens, while tokens still come from (and are verified with the
 * keys of) the real realm.
 */
@QuarkusTest
@TestProfile(SignInUnavailableApiTest.IdentityProviderAway.class)
class SignInUnavailableApiTest {

    static final String AWAY = "http://127.0.0.1:1/realms/temper";

    public static class IdentityProviderAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("temper.sign-in.identity-provider-url", AWAY);
        }
    }

    @Test
    void aBrowserThatIsNotSignedInGetsAPageSayingWhySignInIsUnavailable() {
        for (String page : new String[] {"/", "/jobs"}) {
            given().redirects().follow(false).accept("text/html").get(page).then()
                    .statusCode(503)
                    .contentType(startsWith("text/html"))
                    .header("Retry-After", equalTo(SignInUnavailablePage.RETRY_AFTER_SECONDS))
                    .body(containsString("Sign-in is unavailable: Temper cannot reach its identity provider (Keycloak)"
                            + " at " + AWAY + ". Users already signed in can keep working; try again in a minute."));
        }
    }

    @Test
    void callersWithAValidTokenKeepWorking() {
        as("alice").get("/api/datasets").then().statusCode(200);
        // Public pages and API clients without a token are answered as usual, not with the sign-in page.
        given().get("/signed-out.html").then().statusCode(200);
        given().get("/api/datasets").then().statusCode(401);
    }

    /** Operators see Keycloak down among the dependencies, while readiness holds so that the replicas stay served. */
    @Test
    void healthReportsTheIdentityProviderDownWithoutTakingTheServerOutOfService() {
        given().get("/q/health/group/dependencies").then().statusCode(503)
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'identity-provider' }.data.url", equalTo(AWAY))
                .body("checks.find { it.name == 'artifact-store' }.status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
