package dev.temper.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import dev.temper.testsupport.KeycloakTestResource;
import dev.temper.testsupport.RolelessUser;
import dev.temper.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint and every view, with the answer each demo user, a signed-in team member without any Temper
 * role ({@link RolelessUser}) and an anonymous caller get. The endpoints and views are found in the compiled code, so
 * a new one without a line in {@code access-matrix.txt} fails the build; each line is then sent as every user (ids
 * that exist nowhere, an empty JSON body) and the answer must be the one written down.
 */
@QuarkusTest
class AccessMatrixTest {

    static final List<String> CALLERS = List.of("alice", "bob", "carol", "dana", "erin", "frank",
            RolelessUser.USERNAME, "anonymous");
    private static final String MATRIX = "/access-matrix.txt";
    private static final String MISSING_ID = "987654321";
    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(GET.class, "GET",
            POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD");

    @BeforeAll
    static void aUserWithoutRolesExists() {
        RolelessUser.ensureExists();
    }

    @Test
    void everyEndpointAndViewInTheCodeHasALineAndEveryLineStillExists() throws IOException {
        Matrix matrix = Matrix.read();
        assertThat(matrix.endpoints.keySet()).as("endpoints in access-matrix.txt vs. the code")
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(endpointsInCode()));
        assertThat(matrix.views).as("views in access-matrix.txt vs. the code").isEqualTo(viewsInCode());
    }

    @Test
    void everyCallerGetsTheAnswerWrittenDown() throws IOException {
        Matrix matrix = Matrix.read();
        List<String> wrong = new ArrayList<>();
        Map<String, String> observed = new TreeMap<>();
        for (var endpoint : matrix.endpoints.entrySet()) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                int status = send(CALLERS.get(i), endpoint.getKey());
                answers.add(Integer.toString(status));
                String expected = endpoint.getValue().get(i);
                if (!List.of(expected.split("/")).contains(Integer.toString(status))) {
                    wrong.add(endpoint.getKey() + " as " + CALLERS.get(i) + ": expected " + expected + ", got " + status);
                }
                // Whatever the file says: nobody without a role, or without a sign-in, gets anything done.
                if (i >= CALLERS.indexOf(RolelessUser.USERNAME)) {
                    assertThat(status).as(endpoint.getKey() + " as " + CALLERS.get(i)).isGreaterThanOrEqualTo(400);
                }
                assertThat(status).as(endpoint.getKey() + " as " + CALLERS.get(i)).isLessThan(500);
            }
            observed.put(endpoint.getKey(), String.join(" ", answers));
        }
        if (!wrong.isEmpty()) {
            // The observed matrix, to review and paste if the change was meant.
            Files.writeString(java.nio.file.Path.of("target", "access-matrix.observed.txt"), observed.entrySet()
                    .stream().map(e -> e.getKey() + " | " + e.getValue()).collect(Collectors.joining("\n")) + "\n");
        }
        assertThat(wrong).as("answers that differ from access-matrix.txt (observed: target/access-matrix.observed.txt)")
                .isEmpty();
    }

    @Test
    void aWriteRefusedByTheRoleAnnotationIsAudited() {
        String nora = Tokens.accessToken(KeycloakTestResource.realmUrl(), RolelessUser.USERNAME);
        given().auth().oauth2(nora).contentType("application/json").body("{}").post("/api/jobs/{id}/cancel", MISSING_ID)
                .then().statusCode(403).contentType("application/problem+json");
        String erin = Tokens.accessToken(KeycloakTestResource.realmUrl(), "erin");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().auth().oauth2(erin)
                .get("/api/audit?actor=nora&action=api.write&size=500").then().statusCode(200).extract().jsonPath()
                .getList("items.objectId", String.class)).contains("POST /api/jobs/" + MISSING_ID + "/cancel"));
        // Reads are not writes: a refused read leaves no entry.
        given().auth().oauth2(nora).get("/api/jobs").then().statusCode(403);
        assertThat(given().auth().oauth2(erin).get("/api/audit?actor=nora&action=api.write&size=500").then()
                .extract().jsonPath().getList("items.objectId", String.class)).allSatisfy(endpoint ->
                assertThat(endpoint).matches("(POST|PUT|PATCH|DELETE) /api/.*"));
    }

    private static int send(String caller, String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceAll("\\{team}", "team-a").replaceAll("\\{[^}]+}", MISSING_ID);
        RequestSpecification request = given().redirects().follow(false);
        if (!caller.equals("anonymous")) {
            request = request.auth().oauth2(Tokens.accessToken(KeycloakTestResource.realmUrl(), caller));
        }
        if (List.of("POST", "PUT", "PATCH").contains(parts[0])) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(parts[0], path).statusCode();
    }

    /** "METHOD /api/path/{param}" for every resource method in the application's classes. */
    private static List<String> endpointsInCode() throws IOException {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                HTTP_METHODS.forEach((annotation, name) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path methodPath = method.getAnnotation(Path.class);
                        String full = classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                        endpoints.add(name + " " + full.replaceAll("/+", "/").replaceAll("(.)/$", "$1")
                                .replaceAll("\\{(\\w+):[^}]+}", "{$1}"));
                    }
                });
            }
        }
        return endpoints;
    }

    /** "route | who" for every view: its route and the roles its annotation lets in. */
    private static Map<String, String> viewsInCode() throws IOException {
        Map<String, String> views = new TreeMap<>();
        for (Class<?> type : applicationClasses()) {
            Route route = type.getAnnotation(Route.class);
            if (route == null) {
                continue;
            }
            String who;
            if (type.isAnnotationPresent(PermitAll.class)) {
                who = "signed-in";
            } else if (type.isAnnotationPresent(DenyAll.class)) {
                who = "nobody";
            } else if (type.isAnnotationPresent(RolesAllowed.class)) {
                who = String.join(",", new TreeSet<>(Arrays.asList(type.getAnnotation(RolesAllowed.class).value())));
            } else {
                who = "UNANNOTATED";
            }
            views.put("/" + route.value(), who);
        }
        return views;
    }

    private static List<Class<?>> applicationClasses() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("dev/temper"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, AccessMatrixTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // Generated or optional classes that do not load here hold no endpoints.
                }
            }
        }
        return classes;
    }

    /** access-matrix.txt: "METHOD path | 8 statuses" lines, then "VIEW route | roles" lines. */
    private record Matrix(Map<String, List<String>> endpoints, Map<String, String> views) {

        static Matrix read() throws IOException {
            Map<String, List<String>> endpoints = new LinkedHashMap<>();
            Map<String, String> views = new TreeMap<>();
            try (InputStream in = AccessMatrixTest.class.getResourceAsStream(MATRIX)) {
                assertThat(in).as(MATRIX + " on the test classpath").isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split("\\|");
                    String key = parts[0].strip();
                    if (key.startsWith("VIEW ")) {
                        views.put(key.substring(5).strip(), parts[1].strip());
                    } else {
                        List<String> answers = List.of(parts[1].strip().split("\\s+"));
                        assertThat(answers).as(key).hasSize(CALLERS.size());
                        assertThat(endpoints.put(key, answers)).as("duplicate line " + key).isNull();
                    }
                }
            }
            return new Matrix(endpoints, views);
        }
    }
}
