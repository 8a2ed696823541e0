package dev.temper.security;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every response carries the headers that keep a browser from framing, sniffing or leaking Temper's pages. */
@QuarkusTest
class SecurityHeadersApiTest {

    @Test
    void apiAnswersPagesAndRefusalsAllCarryTheSecurityHeaders() {
        hardened(as("alice").get("/api/datasets").then().statusCode(200));
        hardened(given().get("/signed-out.html").then().statusCode(200));
        hardened(given().get("/api/datasets").then().statusCode(401));
    }

    private static void hardened(ValidatableResponse response) {
        response.header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", containsString("max-age="));
    }
}
