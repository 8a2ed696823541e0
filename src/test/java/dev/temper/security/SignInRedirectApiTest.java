package dev.temper.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import dev.temper.testsupport.KeycloakTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With Keycloak answering, the sign-in check lets a browser that is not signed in go on to Keycloak's login. */
@QuarkusTest
class SignInRedirectApiTest {

    @Test
    void aBrowserThatIsNotSignedInIsSentToKeycloak() {
        given().redirects().follow(false).accept("text/html").get("/jobs").then()
                .statusCode(302)
                .header("Location", startsWith(KeycloakTestResource.realmUrl() + "/protocol/openid-connect/auth"));
    }
}
