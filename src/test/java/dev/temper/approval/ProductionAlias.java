package dev.temper.approval;

import static dev.temper.testsupport.Api.as;

import dev.temper.registry.ModelAlias;

/** Where team-a's production alias points, as its reviewer reads it through the API. */
final class ProductionAlias {

    private ProductionAlias() {
    }

    /** The version team-a's production alias points at; -1 before any approval. */
    static long ofTeamA() {
        Object id = as("carol").get("/api/models/aliases").then().statusCode(200).extract().jsonPath()
                .get("find { it.team == 'team-a' && it.alias == '" + ModelAlias.PRODUCTION + "' }.modelVersionId");
        return id == null ? -1 : ((Number) id).longValue();
    }
}
