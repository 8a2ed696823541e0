package dev.temper.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens for the realm's demo users, fetched with the password grant of the public {@code temper-cli}
 * client (each demo user's password equals the username). Tokens are cached until shortly before they expire.
 */
public final class Tokens {

    private static final String CLIENT_ID = "temper-cli";
    /** Refetch this long before expiry so a test never sends a token that dies in flight. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A bearer token for {@code username} (without the "Bearer " prefix). */
    public static String accessToken(String realmUrl, String username) {
        String key = realmUrl + "|" + username;
        Cached cached = CACHE.get(key);
        if (cached == null || cached.isStale()) {
            cached = fetch(realmUrl, username);
            CACHE.put(key, cached);
        }
        return cached.token();
    }

    private static Cached fetch(String realmUrl, String username) {
        String form = Map.of(
                        "grant_type", "password",
                        "client_id", CLIENT_ID,
                        "username", username,
                        "password", username)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Token request for " + username + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching a token for " + username, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request for " + username + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        Matcher expiresIn = EXPIRES_IN.matcher(response.body());
        if (!token.find() || !expiresIn.find()) {
            throw new IllegalStateException("Unexpected token response for " + username + ": " + response.body());
        }
        Instant expiresAt = Instant.now().plusSeconds(Long.parseLong(expiresIn.group(1)));
        return new Cached(token.group(1), expiresAt);
    }

    private record Cached(String token, Instant expiresAt) {
        boolean isStale() {
            return Instant.now().isAfter(expiresAt.minus(EXPIRY_MARGIN));
        }
    }
}
