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
 * Also {@link #NEW_TEAM_USERNAME}, the only member of a team no demo user belongs to, for tests of how Temper learns
 * teams.
 */
public final class RolelessUser {

    public static final String USERNAME = "nora";
    public static final String NEW_TEAM_USERNAME = "otto";
    public static final String NEW_TEAM = "team-c";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile boolean created;
    private static volatile boolean newTeamCreated;

    private RolelessUser() {
    }

    /** Creates the user once per test JVM (a 409 from an earlier run of the same Keycloak is fine). */
    public static synchronized void ensureExists() {
        if (created) {
            return;
        }
        create(USERNAME, "team-a");
        created = true;
    }

    /** Creates {@link #NEW_TEAM} and its one member {@link #NEW_TEAM_USERNAME} (no role) once per test JVM. */
    public static synchronized void ensureNewTeamMemberExists() {
        if (newTeamCreated) {
            return;
        }
        String admin = "Bearer " + adminToken(keycloakBase());
        int status = send(HttpRequest.newBuilder(URI.create(keycloakBase() + "/admin/realms/temper/groups"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + NEW_TEAM + "\"}"))).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Keycloak refused to create group " + NEW_TEAM + ": HTTP " + status);
        }
        create(NEW_TEAM_USERNAME, NEW_TEAM);
        newTeamCreated = true;
    }

    private static void create(String username, String group) {
        String admin = "Bearer " + adminToken(keycloakBase());
        String users = keycloakBase() + "/admin/realms/temper/users";
        String user = "{\"username\":\"" + username + "\",\"enabled\":true,\"email\":\"" + username
                + "@example.org\",\"firstName\":\"" + username + "\",\"lastName\":\"Noroles\",\"emailVerified\":true,"
                + "\"groups\":[\"/" + group + "\"],\"credentials\":[{\"type\":\"password\",\"value\":\"" + username
                + "\",\"temporary\":false}]}";
        int status = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user))).statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Keycloak refused to create " + username + ": HTTP " + status);
        }
    }

    private static String keycloakBase() {
        String realmUrl = KeycloakTestResource.realmUrl();
        return realmUrl.substring(0, realmUrl.indexOf("/realms/"));
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
