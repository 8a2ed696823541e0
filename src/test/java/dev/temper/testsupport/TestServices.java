package dev.temper.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the real services every Quarkus test runs against: PostgreSQL and Keycloak. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public final class TestServices {

    private TestServices() {
    }
}
