package dev.temper.base.problem;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.temper.testsupport.CsvFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * A client's mistake gets a 400 or 404 problem+json that says what and where, never a 500, an empty body, or the
 * Vaadin page with 200; and nothing is written.
 */
@QuarkusTest
class MalformedInputApiTest {

    @Test
    void typeMismatchesNameTheFieldAndWhatItExpects() {
        int jobsBefore = jobCount();
        badJob("{\"kind\":\"PRETRAIN\",\"priority\":\"high\"}")
                .body("detail", allOf(containsString("'priority'"), containsString("whole number"),
                        containsString("line 1, column")));
        badJob("{\"kind\":\"HACK\"}")
                .body("detail", allOf(containsString("'kind'"), containsString("PRETRAIN")));
        badJob("[]").body("detail", containsString("The body expects an object"));
        badJob("{\"kind\":\"PRETRAIN\",\n \"modelName\": }")
                .body("detail", allOf(containsString("Malformed JSON"), containsString("line 2")));
        badJob("{\"kind\":\"PRETRAIN\",\"modelName\":\"m\",\"strategy\":{\"epochs\":1.7}}")
                .body("detail", allOf(containsString("epochs"), containsString("whole number"),
                        containsString("1.7")));
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
    void aNulCharacterInAnyJsonStringIsRefused() {
        as("alice").contentType(ContentType.JSON).body("{\"kind\":\"PRETRAIN\",\"modelName\":\"a\\u0000b\"}")
                .post("/api/jobs").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", allOf(containsString("'modelName'"), containsString("NUL")));
    }

    @Test
    void aNameThatReordersItselfOrHoldsControlCharactersIsRefusedAndNothingIsStored() {
        String reordering = "model-\u202Efinal";
        upload(reordering).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("U+202E"));
        upload("line\u001Bbreak").then().statusCode(400).body("detail", containsString("U+001B"));
        String names = as("alice").get("/api/datasets?size=500").then().statusCode(200).extract().asString();
        assertThat(names).doesNotContain("\u202E").doesNotContain("line\u001B");
    }

    @Test
    void anApiPathNoResourceServesIsA404ProblemNotTheApplicationPage() {
        as("erin").put("/api/audit/1").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("PUT /api/audit/1"));
        as("alice").get("/api/no-such-thing").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("title", containsString("Not Found")).body(not(containsString("<html")));
        // Authentication still comes first.
        given().get("/api/no-such-thing").then().statusCode(401);
    }

    @Test
    void pageNumbersOutsideTheirRangeAre400() {
        for (String query : new String[] {"page=-1", "size=0", "page=2147483647", "page=x"}) {
            as("erin").get("/api/audit?" + query).then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
    }

    private static ValidatableResponse badJob(String body) {
        return as("alice").contentType(ContentType.JSON).body(body).post("/api/jobs").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", not(containsString("dev.temper")))
                .body("detail", not(containsString("java.")));
    }

    /** Streamed, so the name travels as a UTF-8 query parameter, exactly as typed. */
    private static io.restassured.response.Response upload(String name) {
        return as("alice").contentType("text/csv").body(CsvFixtures.blobs(40, 3)).queryParam("name", name)
                .queryParam("labelColumn", "species").post("/api/datasets/stream");
    }

    private static int jobCount() {
        return as("alice").get("/api/jobs").then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
