package dev.temper.webhook;

import static dev.temper.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.temper.approval.ApprovalRepository;
import dev.temper.approval.ApprovalService;
import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRepository;
import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import dev.temper.webhook.RecordingReceiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: registered by a team admin, told of real approval decisions and alias moves through a
 * receiver on loopback, each POST signed with the secret shown at registration, retried after a failed answer;
 * managed only by the team's admins, hidden from other teams, and refusing bad URLs.
 */
@QuarkusTest
class WebhookApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static long datasetId;

    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    ApprovalRepository requests;
    @Inject
    ApprovalService approvals;
    @Inject
    AuditRepository audit;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookRepository webhooks;
    @Inject
    WebhookDeliveryRepository deliveries;

    private HandMadeEvaluations made;
    private RecordingReceiver receiver;
    private final List<Long> registered = new ArrayList<>();

    @BeforeEach
    void aReceiverListensAndADatasetExists() throws Exception {
        made = new HandMadeEvaluations(jobs, models, datasets);
        receiver = new RecordingReceiver();
        if (datasetId == 0) {
            datasetId = as("alice").multiPart("name", "webhooks").multiPart("labelColumn", "species")
                    .multiPart("file", "w.csv", CsvFixtures.blobs(60, 11).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }

    /** Webhooks left behind would get deliveries of other tests' decisions, to a receiver that is gone. */
    @AfterEach
    void deleteWebhooksAndStopTheReceiver() {
        registered.forEach(id -> as("erin").delete("/api/webhooks/{id}", id));
        receiver.close();
    }

    @Test
    void anApprovalAndItsAliasMoveReachTheReceiverSigned() throws Exception {
        JsonPath hook = register("team-a", "approval.approved", "alias.moved");
        String secret = hook.getString("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        long otherTeams = register("team-b", "approval.approved", "alias.moved").getLong("id");
        long model = made.model(datasetId);
        long request = request(model);

        decide("carol", request, true).then().statusCode(200).body("state", equalTo("APPROVED"));

        List<Received> posts = receiver.await(2, PATIENCE);
        for (Received post : posts) {
            long timestamp = Long.parseLong(post.header("X-Temper-Timestamp"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
            assertThat(post.header("Content-Type")).startsWith("application/json");
            assertThat(post.header("X-Temper-Delivery")).matches("[0-9]+");
            assertThat(post.header("X-Temper-Signature")).startsWith("sha256=");
            assertThat(WebhookSignature.verify(secret, timestamp, post.body(), post.header("X-Temper-Signature")))
                    .as("signed with the secret shown at registration").isTrue();
            assertThat(WebhookSignature.verify(secret, timestamp, post.body().replace("team-a", "team-b"),
                    post.header("X-Temper-Signature"))).as("an altered body fails").isFalse();
            assertThat(WebhookSignature.verify(secret, timestamp + 1, post.body(),
                    post.header("X-Temper-Signature"))).as("another timestamp fails").isFalse();
            JsonPath body = JsonPath.from(post.body());
            assertThat(body.getString("event")).isEqualTo(post.header("X-Temper-Event"));
            assertThat(body.getString("team")).isEqualTo("team-a");
            assertThat(body.getLong("data.modelVersionId")).isEqualTo(model);
        }
        Map<String, JsonPath> byEvent = new java.util.HashMap<>();
        posts.forEach(p -> byEvent.put(p.header("X-Temper-Event"), JsonPath.from(p.body())));
        assertThat(byEvent).containsOnlyKeys("approval.approved", "alias.moved");
        assertThat(byEvent.get("approval.approved").getLong("data.requestId")).isEqualTo(request);
        assertThat(byEvent.get("approval.approved").getString("data.decidedBy")).isEqualTo("carol");
        assertThat(byEvent.get("alias.moved").getString("data.alias")).isEqualTo("production");

        JsonPath deliveries = awaitDelivered(hook.getLong("id"), 2);
        assertThat(deliveries.getList("items.attemptLog.statusCode.flatten()", Integer.class)).containsOnly(200);
        assertThat(deliveries.getList("items.id", Long.class)).containsExactlyInAnyOrderElementsOf(
                posts.stream().map(p -> Long.parseLong(p.header("X-Temper-Delivery"))).toList());
        as("erin").get("/api/webhooks/{id}/deliveries", otherTeams).then().statusCode(200)
                .body("total", equalTo(0));
        assertThat(receiver.drain()).as("nothing for team-b's webhook").isEmpty();
    }

    @Test
    void rejectionsWithdrawalsAndExpiriesAreSentOnlyToWebhooksThatAskedForThem() throws Exception {
        JsonPath hook = register("team-a", "approval.rejected", "approval.withdrawn", "approval.expired");
        String secret = hook.getString("secret");

        long rejected = request(made.model(datasetId));
        decide("carol", rejected, false).then().statusCode(200).body("state", equalTo("REJECTED"));
        Received rejection = receiver.await(1, PATIENCE).get(0);
        // A refused decision announces nothing: no second delivery (the total is checked below).
        decide("frank", rejected, false).then().statusCode(409);
        long withdrawn = request(made.model(datasetId));
        as("alice").contentType(ContentType.JSON).body(Map.of("comment", "found a bug"))
                .post("/api/approvals/{id}/withdrawal", withdrawn).then().statusCode(200);
        Received withdrawal = receiver.await(1, PATIENCE).get(0);
        long expired = request(made.model(datasetId));
        QuarkusTransaction.requiringNew().run(() -> requests.findById(expired).expiresAt = Instant.now()
                .minusSeconds(1));
        assertThat(approvals.expireDue(Instant.now())).isGreaterThanOrEqualTo(1);
        Received expiry = receiver.await(1, PATIENCE).get(0);

        assertThat(List.of(rejection, withdrawal, expiry)).extracting(p -> p.header("X-Temper-Event"))
                .containsExactly("approval.rejected", "approval.withdrawn", "approval.expired");
        assertThat(JsonPath.from(rejection.body()).getLong("data.requestId")).isEqualTo(rejected);
        assertThat(JsonPath.from(rejection.body()).getString("data.state")).isEqualTo("REJECTED");
        assertThat(JsonPath.from(withdrawal.body()).getString("data.comment")).isEqualTo("found a bug");
        assertThat(JsonPath.from(expiry.body()).getString("data.decidedBy")).isEqualTo(ApprovalService.SYSTEM_ACTOR);
        for (Received post : List.of(rejection, withdrawal, expiry)) {
            assertThat(WebhookSignature.verify(secret, Long.parseLong(post.header("X-Temper-Timestamp")),
                    post.body(), post.header("X-Temper-Signature"))).isTrue();
        }

        long approved = request(made.model(datasetId));
        decide("carol", approved, true).then().statusCode(200);
        // Deliveries are written with the decision, so none for the approval and alias move means none will come.
        as("erin").get("/api/webhooks/{id}/deliveries", hook.getLong("id")).then().statusCode(200)
                .body("total", equalTo(3)).body("items.event", not(hasItem("alias.moved")));
        assertThat(receiver.drain()).as("not asked for: approvals and alias moves").isEmpty();
    }

    @Test
    void aDeliveryAnswered500IsRetriedUntilA200() throws Exception {
        long hook = register("team-a", "approval.rejected").getLong("id");
        receiver.answerNext(500, 503);

        decide("carol", request(made.model(datasetId)), false).then().statusCode(200);

        List<Received> posts = receiver.await(3, PATIENCE);
        assertThat(posts).extracting(p -> p.header("X-Temper-Delivery")).containsOnly(
                posts.get(0).header("X-Temper-Delivery"));
        assertThat(posts).extracting(Received::body).containsOnly(posts.get(0).body());
        JsonPath delivery = awaitDelivered(hook, 1);
        assertThat(delivery.getInt("items[0].attempts")).isEqualTo(3);
        assertThat(delivery.getList("items[0].attemptLog.statusCode", Integer.class)).containsExactly(500, 503, 200);
        assertThat(delivery.getList("items[0].attemptLog.number", Integer.class)).containsExactly(1, 2, 3);
        assertThat(delivery.getList("items[0].attemptLog.durationMillis", Long.class)).allSatisfy(
                ms -> assertThat(ms).isBetween(0L, 10_000L));
        assertThat(delivery.getString("items[0].finishedAt")).isNotNull();
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpAfterTheLastAttempt() throws Exception {
        long hook = register("team-a", "approval.rejected").getLong("id");
        receiver.close(); // connection refused from now on

        decide("carol", request(made.model(datasetId)), false).then().statusCode(200);

        JsonPath delivery = awaitState(hook, "FAILED");
        assertThat(delivery.getInt("items[0].attempts")).isEqualTo(config.maxAttempts()).isGreaterThan(1);
        assertThat(delivery.getList("items[0].attemptLog.number", Integer.class)).hasSize(config.maxAttempts());
        assertThat(delivery.getList("items[0].attemptLog.statusCode", Integer.class)).containsOnlyNulls();
        assertThat(delivery.getList("items[0].attemptLog.error", String.class)).allSatisfy(
                e -> assertThat(e).startsWith("could not connect to 127.0.0.1:"));
        assertThat(delivery.getString("items[0].nextAttemptAt")).isNull();
    }

    @Test
    void aDeliveryLeftInTheOutboxIsSentByThePoll() throws Exception {
        JsonPath hook = register("team-a", "alias.moved");
        String body = "{\"event\":\"alias.moved\",\"team\":\"team-a\",\"data\":{\"alias\":\"production\"}}";
        // As a server that stopped after the event committed leaves it: written, never sent, nobody told to send it.
        long left = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.webhook = webhooks.findById(hook.getLong("id"));
            delivery.event = WebhookEvent.ALIAS_MOVED.wireName();
            delivery.payload = body;
            delivery.state = DeliveryState.PENDING;
            delivery.createdAt = Instant.now().minusSeconds(60);
            delivery.nextAttemptAt = delivery.createdAt;
            deliveries.persist(delivery);
            return delivery.id;
        });

        Received post = receiver.await(1, PATIENCE).get(0);

        assertThat(post.body()).isEqualTo(body);
        assertThat(post.header("X-Temper-Delivery")).isEqualTo(Long.toString(left));
        assertThat(WebhookSignature.verify(hook.getString("secret"), Long.parseLong(post.header("X-Temper-Timestamp")),
                body, post.header("X-Temper-Signature"))).isTrue();
        awaitDelivered(hook.getLong("id"), 1);
    }

    @Test
    void onlyTheTeamsAdminsManageItsWebhooks() {
        given().get("/api/webhooks").then().statusCode(401);
        Map<String, Object> body = Map.of("team", "team-a", "url", receiver.url(), "events", List.of("alias.moved"));
        for (String notAdmin : List.of("alice", "carol", "dana")) {
            // Refused on the role before the body is read: even a body that is no webhook gets the 403.
            as(notAdmin).contentType(ContentType.JSON).body(body).post("/api/webhooks").then().statusCode(403)
                    .contentType("application/problem+json");
            as(notAdmin).contentType(ContentType.JSON).body("[]").post("/api/webhooks").then().statusCode(403);
            as(notAdmin).get("/api/webhooks?team=team-a").then().statusCode(403);
        }
        assertThat(audit.count("action = ?1 and outcome = ?2 and actor = ?3 and objectId = ?4",
                AuditAction.API_WRITE.storedName(), AuditLog.DENIED, "alice", "POST /api/webhooks"))
                .isGreaterThanOrEqualTo(2);
        as("bob").contentType(ContentType.JSON).body(body).post("/api/webhooks").then().statusCode(403)
                .contentType("application/problem+json");

        long id = register("team-a", "alias.moved").getLong("id");
        long teamB = register("team-b", "alias.moved").getLong("id");
        assertThat(audit.count("action = ?1 and outcome = ?2 and objectId = ?3 and actor = ?4",
                AuditAction.WEBHOOK_CREATE.storedName(), AuditLog.SUCCESS, Long.toString(id), "erin")).isEqualTo(1);

        as("bob").get("/api/webhooks?team=team-a").then().statusCode(404);
        as("bob").get("/api/webhooks/{id}/deliveries", id).then().statusCode(404);
        as("bob").delete("/api/webhooks/{id}", id).then().statusCode(404).contentType("application/problem+json");
        as("alice").get("/api/webhooks/{id}/deliveries", id).then().statusCode(403);
        as("alice").delete("/api/webhooks/{id}", id).then().statusCode(403);
        assertThat(audit.count("action = ?1 and outcome = ?2 and objectId = ?3 and actor = ?4",
                AuditAction.WEBHOOK_DELETE.storedName(), AuditLog.DENIED, Long.toString(id), "alice")).isEqualTo(1);

        JsonPath listed = as("erin").get("/api/webhooks?team=team-a&size=500").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items.id", not(hasItem((int) teamB)))
                .body("items.team", not(hasItem("team-b"))).extract().jsonPath();
        assertThat(listed.getList("items.secret")).as("never listed").containsOnlyNulls();
        assertThat(as("erin").get("/api/webhooks?team=team-a").asString()).doesNotContain("\"secret\"");
        as("erin").get("/api/webhooks?size=1&sort=team,desc").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1)).body("items[0].team", equalTo("team-b"));
        as("erin").get("/api/webhooks?sort=url").then().statusCode(400).body("detail", containsString("sortable"));

        as("erin").delete("/api/webhooks/{id}", id).then().statusCode(204);
        as("erin").delete("/api/webhooks/{id}", id).then().statusCode(404);
        assertThat(audit.count("action = ?1 and outcome = ?2 and objectId = ?3 and actor = ?4",
                AuditAction.WEBHOOK_DELETE.storedName(), AuditLog.SUCCESS, Long.toString(id), "erin")).isEqualTo(1);
        assertThat(audit.find("action = ?1 and objectId = ?2", AuditAction.WEBHOOK_CREATE.storedName(),
                Long.toString(id)).firstResult().details).doesNotContain("/hook");
    }

    @Test
    void badRegistrationsAreRefusedWith400AndWriteNothing() {
        long before = as("erin").get("/api/webhooks?team=team-a").then().extract().jsonPath().getLong("total");
        String good = receiver.url();
        assertBadRequest(Map.of("team", "team-a", "url", "ftp://127.0.0.1/hook", "events", List.of("alias.moved")),
                "only http and https");
        assertBadRequest(Map.of("team", "team-a", "url", good.replace("http://", "http://me:pw@"),
                "events", List.of("alias.moved")), "credentials");
        assertBadRequest(Map.of("team", "team-a", "url", good + "?" + "x".repeat(2100),
                "events", List.of("alias.moved")), "at most 2048 characters");
        assertBadRequest(Map.of("team", "team-a", "url", "https://no-such-host.invalid/hook",
                "events", List.of("alias.moved")), "does not resolve");
        assertBadRequest(Map.of("team", "team-a", "url", "not a url", "events", List.of("alias.moved")), "url");
        assertBadRequest(Map.of("team", "team-a", "url", good, "events", List.of("model.deleted")),
                "unknown event 'model.deleted'");
        assertBadRequest(Map.of("team", "team-a", "url", good, "events", List.of()), "events");
        assertBadRequest(Map.of("team", "team-a", "events", List.of("alias.moved")), "url");
        assertBadRequest(Map.of("url", good, "events", List.of("alias.moved")), "team");

        assertThat(as("erin").get("/api/webhooks?team=team-a").then().extract().jsonPath().getLong("total"))
                .isEqualTo(before);
        assertThat(audit.count("action = ?1 and outcome = ?2 and details like ?3",
                AuditAction.WEBHOOK_CREATE.storedName(), AuditLog.DENIED, "%does not resolve%"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTeamHasAtMostTwentyWebhooks() {
        long existing = as("erin").get("/api/webhooks?team=team-b").then().statusCode(200).extract().jsonPath()
                .getLong("total");
        for (long i = existing; i < Webhook.MAX_PER_TEAM; i++) {
            register("team-b", "alias.moved");
        }

        as("erin").contentType(ContentType.JSON)
                .body(Map.of("team", "team-b", "url", receiver.url(), "events", List.of("alias.moved")))
                .post("/api/webhooks").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has 20 webhooks, the most it may have"));
        register("team-a", "alias.moved");
    }

    private JsonPath register(String team, String... events) {
        JsonPath created = as("erin").contentType(ContentType.JSON)
                .body(Map.of("team", team, "url", receiver.url(), "events", List.of(events)))
                .post("/api/webhooks").then().statusCode(201).contentType(ContentType.JSON)
                .body("team", equalTo(team)).body("url", equalTo(receiver.url())).extract().jsonPath();
        registered.add(created.getLong("id"));
        return created;
    }

    private static void assertBadRequest(Map<String, Object> body, String detail) {
        as("erin").contentType(ContentType.JSON).body(body).post("/api/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString(detail));
    }

    private static long request(long model) {
        return as("alice").contentType(ContentType.JSON).body(Map.of("modelVersionId", model, "comment", "ready"))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response decide(String reviewer, long request, boolean approve) {
        return as(reviewer).contentType(ContentType.JSON)
                .body(Map.of("approve", approve, "comment", approve ? "looks right" : "not yet"))
                .post("/api/approvals/{id}/decision", request);
    }

    private static JsonPath awaitDelivered(long hook, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath page = as("erin").get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200).extract()
                    .jsonPath();
            List<String> states = page.getList("items.state", String.class);
            if (states.size() == count && states.stream().allMatch("DELIVERED"::equals)) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deliveries of webhook " + hook + " not all DELIVERED: " + page.prettify());
            }
            Thread.sleep(100);
        }
    }

    private static JsonPath awaitState(long hook, String state) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonPath page = as("erin").get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200).extract()
                    .jsonPath();
            if (state.equals(page.getString("items[0].state"))) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery of webhook " + hook + " not " + state + ": " + page.prettify());
            }
            Thread.sleep(200);
        }
    }
}
