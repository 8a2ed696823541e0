package dev.temper.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in member of team-a with no Temper role: the user the access matrix needs to show that a team alone opens
 * nothing. Made in the test Keycloak through its admin API, not in the realm file, so no install ever ships it.
 */
public final class RolelessUser {

    public static final String USERNAME = "nora";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile boolean created;

    private RolelessUser() {
    }

    /** Creates the user once per test JVM (a 409 from an earlier run of the same Keycloak is fine). */
    public static synchronized void ensureExists() {
        if (created) {
            return;
        }
        String realmUrl = KeycloakTestResource.realmUrl();
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String admin = "Bearer " + adminToken(base);
        String users = base + "/admin/realms/temper/users";
        String user = "{\"username\":\"" + USERNAME + "\",\"enabled\":true,\"email\":\"nora@example.org\","
                + "\"firstName\":\"Nora\",\"lastName\":\"Noroles\",\"emailVerified\":true,\"groups\":[\"/team-a\"],"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + USERNAME + "\",\"temporary\":false}]}";
        int status = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user))).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Keycloak refused to create " + USERNAME + ": HTTP " + status);
        }
        created = true;
    }

    private static String adminToken(String base) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("No admin token from the test Keycloak: HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the test Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to the test Keycloak", e);
        }
    }
}
