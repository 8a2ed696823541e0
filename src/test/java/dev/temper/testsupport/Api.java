package dev.temper.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** REST Assured requests as a demo user, with a real access token from the test Keycloak. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.accessToken(KeycloakTestResource.realmUrl(), username));
    }
}
