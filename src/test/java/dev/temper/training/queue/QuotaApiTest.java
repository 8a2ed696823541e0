package dev.temper.training.queue;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.temper.security.TeamDirectory;
import dev.temper.testsupport.RolelessUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading and setting team quotas: who may, what is refused, what is recorded. */
@QuarkusTest
class QuotaApiTest {

    /** A team of its own, so the quotas other test classes rely on stay untouched. */
    private static final String TEAM = "quota-api-team";

    @Inject
    TeamDirectory directory;

    /** As a sign-in by one of its members would. */
    @BeforeEach
    void teamIsKnown() {
        directory.record(List.of(TEAM));
    }

    @AfterEach
    void backToDefaults() {
        as("erin").delete("/api/quotas/{team}", TEAM).then().statusCode(200);
        as("erin").delete("/api/quotas/{team}", "team-b").then().statusCode(200);
    }

    @Test
    void anAdminSetsAQuotaAndReadsItBackWithWhoSetIt() {
        put("erin", TEAM, Map.of("maxGpus", 6, "maxConcurrentJobs", 3)).statusCode(200)
                .body("team", equalTo(TEAM)).body("maxGpus", equalTo(6)).body("maxConcurrentJobs", equalTo(3))
                .body("custom", equalTo(true)).body("updatedBy", equalTo("erin"));

        JsonPath all = as("erin").get("/api/quotas").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("find { it.team == '" + TEAM + "' }.maxGpus")).isEqualTo(6);
        assertThat(all.getInt("find { it.team == '" + TEAM + "' }.maxConcurrentJobs")).isEqualTo(3);
        assertThat(all.getList("team", String.class)).contains("team-a", "team-b", TEAM);

        as("erin").delete("/api/quotas/{team}", TEAM).then().statusCode(200)
                .body("custom", equalTo(false)).body("maxGpus", equalTo(4)).body("maxConcurrentJobs", equalTo(2));
    }

    @Test
    void teamsWithoutAQuotaOfTheirOwnShowTheDefaultsAndTheirUsage() {
        JsonPath bob = as("bob").get("/api/quotas").then().statusCode(200).extract().jsonPath();
        assertThat(bob.getList("team", String.class)).containsExactly("team-b");
        assertThat(bob.getInt("[0].maxGpus")).isEqualTo(4);
        assertThat(bob.getInt("[0].maxConcurrentJobs")).isEqualTo(2);
        assertThat(bob.getBoolean("[0].custom")).isFalse();
        assertThat(bob.getMap("[0]")).containsKeys("gpusInUse", "jobsRunning", "jobsQueued");
    }

    @Test
    void othersSeeOnlyTheirOwnTeamsQuotas() {
        put("erin", "team-b", Map.of("maxGpus", 2, "maxConcurrentJobs", 1)).statusCode(200);
        put("erin", TEAM, Map.of("maxGpus", 1, "maxConcurrentJobs", 1)).statusCode(200);

        assertThat(teams("alice")).containsExactly("team-a");
        assertThat(teams("dana")).containsExactly("team-a");
        assertThat(teams("bob")).containsExactly("team-b");
        JsonPath bob = as("bob").get("/api/quotas").then().extract().jsonPath();
        assertThat(bob.getInt("[0].maxGpus")).isEqualTo(2);
        assertThat(bob.getBoolean("[0].custom")).isTrue();
    }

    @Test
    void onlyAdminsMaySetQuotasAndRefusalsAreRecorded() {
        for (String user : List.of("alice", "carol", "dana")) {
            put(user, "team-a", Map.of("maxGpus", 64, "maxConcurrentJobs", 100)).statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("role admin"));
            as(user).delete("/api/quotas/{team}", "team-a").then().statusCode(403);
        }
        assertThat(as("alice").get("/api/quotas").then().extract().jsonPath().getBoolean("[0].custom")).isFalse();
        List<Map<String, Object>> entries = as("erin").get("/api/audit?size=500").then().extract().jsonPath()
                .getList("items.findAll { it.action == 'quota.set' && it.actor == 'dana' }");
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("outcome")).isEqualTo("DENIED"));
    }

    @Test
    void valuesOutsideTheirRangesAreRefusedWithTheFieldNamed() {
        put("erin", TEAM, Map.of("maxGpus", 65, "maxConcurrentJobs", 2)).statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("maxGpus: 0 to 64, not 65"));
        put("erin", TEAM, Map.of("maxGpus", -1, "maxConcurrentJobs", 2)).statusCode(400)
                .body("detail", equalTo("maxGpus: 0 to 64, not -1"));
        put("erin", TEAM, Map.of("maxGpus", 4, "maxConcurrentJobs", 0)).statusCode(400)
                .body("detail", equalTo("maxConcurrentJobs: 1 to 100, not 0"));
        put("erin", TEAM, Map.of("maxGpus", 4, "maxConcurrentJobs", 101)).statusCode(400)
                .body("detail", equalTo("maxConcurrentJobs: 1 to 100, not 101"));
        put("erin", TEAM, Map.of("maxGpus", 4)).statusCode(400)
                .body("detail", equalTo("maxConcurrentJobs: required"));
        put("erin", "bad team!", Map.of("maxGpus", 4, "maxConcurrentJobs", 2)).statusCode(400)
                .body("detail", containsString("team: letters, digits"));
        JsonPath all = as("erin").get("/api/quotas").then().statusCode(200).extract().jsonPath();
        assertThat(all.getBoolean("find { it.team == '" + TEAM + "' }.custom")).isFalse();
    }

    @Test
    void aTeamTemperHasNeverSeenGetsNoQuota() {
        put("erin", "team-nobody-signed-in-from", Map.of("maxGpus", 4, "maxConcurrentJobs", 2)).statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("is known to Temper"));
        as("erin").delete("/api/quotas/{team}", "team-nobody-signed-in-from").then().statusCode(404);
        assertThat(teams("erin")).doesNotContain("team-nobody-signed-in-from");
    }

    @Test
    void aSignInMakesItsTeamsKnown() {
        // team-c has one member, otto, with no Temper role, and no demo user belongs to it.
        RolelessUser.ensureNewTeamMemberExists();
        String team = RolelessUser.NEW_TEAM;
        assertThat(directory.all()).doesNotContain(team);
        put("erin", team, Map.of("maxGpus", 1, "maxConcurrentJobs", 1)).statusCode(404);

        // otto's request is refused for his lack of a role, but he was authenticated: his team is learned.
        as(RolelessUser.NEW_TEAM_USERNAME).get("/api/quotas").then().statusCode(403);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> directory.all().contains(team));
        put("erin", team, Map.of("maxGpus", 1, "maxConcurrentJobs", 1)).statusCode(200).body("custom", equalTo(true));
        as("erin").delete("/api/quotas/{team}", team).then().statusCode(200);
    }

    @Test
    void aChangeIsAuditedWithTheLimitsBeforeAndAfter() {
        // team-b: admins read the audit entries of their own teams, and erin belongs to team-b.
        put("erin", "team-b", Map.of("maxGpus", 3, "maxConcurrentJobs", 2)).statusCode(200);
        put("erin", "team-b", Map.of("maxGpus", 5, "maxConcurrentJobs", 4)).statusCode(200);

        JsonPath audit = as("erin").get("/api/audit?size=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> sets = audit.getList(
                "items.findAll { it.action == 'quota.set' && it.team == 'team-b' && it.outcome == 'SUCCESS' }");
        assertThat(sets).extracting(e -> e.get("details")).contains(
                "maxGpus 3, maxConcurrentJobs 2 -> maxGpus 5, maxConcurrentJobs 4",
                "maxGpus 4, maxConcurrentJobs 2 -> maxGpus 3, maxConcurrentJobs 2");
        assertThat(sets).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("erin");
            assertThat(e.get("objectType")).isEqualTo("TeamQuota");
        });
    }

    private static ValidatableResponse put(String user, String team, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).put("/api/quotas/{team}", team).then();
    }

    private static List<String> teams(String user) {
        return as(user).get("/api/quotas").then().statusCode(200).extract().jsonPath().getList("team", String.class);
    }
}
