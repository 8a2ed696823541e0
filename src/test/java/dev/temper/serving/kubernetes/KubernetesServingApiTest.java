package dev.temper.serving.kubernetes;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.temper.dataset.DatasetVersionRepository;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.testsupport.CsvFixtures;
import dev.temper.testsupport.HandMadeEvaluations;
import dev.temper.training.TrainingJobRepository;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the Kubernetes executor, approvals roll a serving Deployment and Service per production model, through the
 * product's own path (the approval API, the alias move, the after-commit observer) into Fabric8's mock API server;
 * a team's production moving to another model removes the previous model's objects.
 */
@QuarkusTest
@TestProfile(KubernetesServingApiTest.OnKubernetes.class)
@WithKubernetesTestServer(crud = true)
class KubernetesServingApiTest {

    static final String NAMESPACE = "temper-serving";

    /** The executor on Kubernetes with an artifact volume, and a serving image and size of its own. */
    public static class OnKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("temper.executor.type", "kubernetes"),
                    Map.entry("temper.executor.kubernetes.namespace", NAMESPACE),
                    Map.entry("temper.executor.kubernetes.image", "registry.example.com/temper:1.4.0"),
                    Map.entry("temper.executor.kubernetes.artifact-claim", "temper-artifacts"),
                    Map.entry("temper.serving.kubernetes.image", "registry.example.com/temper-serve:1.4.0"),
                    Map.entry("temper.serving.kubernetes.replicas", "2"),
                    Map.entry("temper.serving.kubernetes.memory-mi-b", "2048"),
                    Map.entry("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN"));
        }
    }

    @KubernetesTestServer
    KubernetesServer server;
    @Inject
    TrainingJobRepository jobs;
    @Inject
    ModelVersionRepository models;
    @Inject
    DatasetVersionRepository datasets;
    @Inject
    ModelRegistryService registry;

    @Test
    void eachApprovalRollsTheModelsDeploymentToTheApprovedVersion() {
        long dataset = as("alice").multiPart("name", "k8s-serving").multiPart("labelColumn", "species")
                .multiPart("file", "s.csv", CsvFixtures.blobs(60, 19).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        String model = "Digits_" + UUID.randomUUID().toString().substring(0, 6);
        HandMadeEvaluations made = new HandMadeEvaluations(jobs, models, datasets);
        long v1 = version(made.model(dataset), model, 1, "team-a");
        long v2 = version(made.model(dataset), model, 2, "team-a");
        String name = ServingDeploymentBuilder.name("team-a", model);

        approve(v1);
        Deployment first = awaitDeployment(name, v1);

        assertThat(name).startsWith("temper-serve-team-a-digits-");
        assertThat(first.getMetadata().getLabels()).containsEntry("temper.dev/team", "team-a")
                .containsEntry("temper.dev/model", model).containsEntry("temper.dev/model-version-id", Long.toString(v1))
                .containsEntry("app.kubernetes.io/component", "serving");
        assertThat(first.getSpec().getReplicas()).isEqualTo(2);
        assertThat(first.getSpec().getSelector().getMatchLabels()).doesNotContainKey("temper.dev/model-version-id");
        Container serve = first.getSpec().getTemplate().getSpec().getContainers().get(0);
        ModelVersion stored = QuarkusTransaction.requiringNew().call(() -> models.findById(v1));
        assertThat(serve.getImage()).isEqualTo("registry.example.com/temper-serve:1.4.0");
        assertThat(serve.getCommand()).endsWith("dev.temper.worker.WorkerMain");
        assertThat(serve.getArgs()).containsExactly("serve",
                "--model-zip=/var/lib/temper/artifacts/" + stored.artifactKey, "--sha256=" + stored.sha256,
                "--model-version-id=" + v1, "--port=8080");
        assertThat(serve.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(serve.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(serve.getResources().getLimits().get("memory").toString()).isEqualTo("2048Mi");
        assertThat(first.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getEmptyDir() == null)
                .singleElement().satisfies(v -> {
                    assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("temper-artifacts");
                    assertThat(v.getPersistentVolumeClaim().getReadOnly()).isTrue();
                });
        // The namespace enforces the restricted Pod Security Standard (k8s/base/namespace.yaml).
        assertThat(first.getSpec().getTemplate().getSpec().getSecurityContext().getSeccompProfile().getType())
                .isEqualTo("RuntimeDefault");
        assertThat(serve.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(serve.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        Service service = client().services().inNamespace(NAMESPACE).withName(name).get();
        assertThat(service.getSpec().getSelector()).isEqualTo(first.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        // The next approval updates the same Deployment: a new pod template, which Kubernetes rolls out.
        approve(v2);
        Deployment second = awaitDeployment(name, v2);
        assertThat(second.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid());
        assertThat(second.getSpec().getTemplate()).isNotEqualTo(first.getSpec().getTemplate());
        assertThat(second.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("temper.dev/model-version-id", Long.toString(v2));
        assertThat(second.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .contains("--model-version-id=" + v2);
        assertThat(client().apps().deployments().inNamespace(NAMESPACE).withLabel("temper.dev/team", "team-a")
                .list().getItems()).hasSize(1);

        // Another team's production model gets a Deployment of its own; team-a's stays as it was.
        long other = version(made.model(dataset), model, 1, "team-b");
        QuarkusTransaction.requiringNew().run(() -> registry.moveAlias("erin", models.findById(other), "production"));
        String otherName = ServingDeploymentBuilder.name("team-b", model);
        awaitDeployment(otherName, other);
        assertThat(otherName).isNotEqualTo(name);
        assertThat(client().services().inNamespace(NAMESPACE).withName(otherName).get()).isNotNull();
        assertThat(deployment(name).getMetadata().getAnnotations())
                .containsEntry("temper.dev/model-version-id", Long.toString(v2));

        // When team-a's production moves to another model, the old model's Deployment and Service go.
        String next = "next-" + model;
        long v3 = version(made.model(dataset), next, 1, "team-a");
        approve(v3);
        awaitDeployment(ServingDeploymentBuilder.name("team-a", next), v3);
        await().atMost(Duration.ofSeconds(30)).until(() -> deployment(name) == null);
        assertThat(client().services().inNamespace(NAMESPACE).withName(name).get()).isNull();
        assertThat(deployment(otherName)).isNotNull();
    }

    @Test
    void namesAreDnsLabelsAndLongOnesStayDistinct() {
        String a = ServingDeploymentBuilder.name("team-a", "x".repeat(80) + "A");
        String b = ServingDeploymentBuilder.name("team-a", "x".repeat(80) + "B");
        assertThat(a).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?").isNotEqualTo(b);
        assertThat(ServingDeploymentBuilder.name("Team_A", "Iris.Net")).isEqualTo("temper-serve-team-a-iris-net");
    }

    private long version(long id, String name, int version, String team) {
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion row = models.findById(id);
            row.name = name;
            row.version = version;
            row.team = team;
        });
        return id;
    }

    private Deployment awaitDeployment(String name, long versionId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Deployment d = deployment(name);
            return d != null && Long.toString(versionId).equals(
                    d.getSpec().getTemplate().getMetadata().getAnnotations().get("temper.dev/model-version-id"));
        });
        return deployment(name);
    }

    private Deployment deployment(String name) {
        return client().apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    private KubernetesClient client() {
        return server.getClient();
    }

    private static void approve(long modelVersionId) {
        long request = as("alice").contentType(ContentType.JSON)
                .body(Map.of("modelVersionId", modelVersionId, "comment", "serve it"))
                .post("/api/approvals").then().statusCode(201).extract().jsonPath().getLong("id");
        as("carol").contentType(ContentType.JSON).body(Map.of("approve", true, "comment", "approved"))
                .post("/api/approvals/{id}/decision", request).then().statusCode(200);
    }
}
