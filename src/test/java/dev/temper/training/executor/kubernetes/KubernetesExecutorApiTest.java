package dev.temper.training.executor.kubernetes;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.temper.dataset.BarImagesIdx;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes executor through the product's own path: jobs submitted over the API become Jobs in the
 * Fabric8 mock API server (CRUD mode), and pod states the test writes there come back as job states and
 * messages. No worker runs: the mock server schedules nothing, so the test plays the kubelet.
 */
@QuarkusTest
@TestProfile(KubernetesExecutorApiTest.OnKubernetes.class)
@WithKubernetesTestServer(crud = true)
class KubernetesExecutorApiTest {

    static final String NAMESPACE = "temper-jobs";
    private static final String UNSCHEDULABLE = "0/4 nodes are available: 1 node(s) had untolerated taint "
            + "{node-role.kubernetes.io/control-plane: }, 3 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are "
            + "available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";

    /** Kubernetes executor settings as an operator would write them for a GPU node pool. */
    public static class OnKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("temper.executor.type", "kubernetes"),
                    Map.entry("temper.executor.parallelism", "4"),
                    Map.entry("temper.executor.kubernetes.namespace", NAMESPACE),
                    Map.entry("temper.executor.kubernetes.image", "registry.example.com/temper:1.4.0"),
                    Map.entry("temper.executor.kubernetes.server-url", "http://temper-server.temper.svc:8080"),
                    Map.entry("temper.executor.kubernetes.node-selector.\"cloud.example.com/pool\"", "gpu-a100"),
                    Map.entry("temper.executor.kubernetes.tolerations[0].key", "nvidia.com/gpu"),
                    Map.entry("temper.executor.kubernetes.tolerations[0].operator", "Exists"),
                    Map.entry("temper.executor.kubernetes.tolerations[0].effect", "NoSchedule"),
                    Map.entry("temper.executor.kubernetes.priority-class-name", "temper-training"),
                    Map.entry("temper.executor.kubernetes.artifact-claim", "temper-artifacts"),
                    Map.entry("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN"));
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    private static Long datasetId;

    /**
     * Jobs other test classes left queued (evaluations queued after training) or active would be started here
     * as Kubernetes Jobs that never run, holding the teams' slots; each test starts from a quiet queue.
     */
    @BeforeEach
    void noJobOfTheTeamIsUnfinished() {
        for (String engineer : List.of("alice", "bob")) {
            for (String state : List.of("QUEUED", "STARTING", "RUNNING")) {
                for (Map<String, Object> job : as(engineer).queryParam("state", state).queryParam("size", 500)
                        .get("/api/jobs").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("items")) {
                    as(engineer).post("/api/jobs/{id}/cancel", job.get("id")).then().statusCode(200);
                }
            }
        }
    }

    @Test
    void aSubmittedJobRunsAsAKubernetesJobAndItsPodStatesComeBackAsMessages() throws Exception {
        long id = submit(Map.of("resources", Map.of("gpus", 1, "cpu", 2, "memoryMiB", 4096), "maxRuntimeMinutes", 30));
        Job job = awaitJob(id, 1);

        assertThat(job.getMetadata().getLabels()).containsEntry("temper.dev/job-id", Long.toString(id))
                .containsEntry("temper.dev/attempt", "1").containsEntry("temper.dev/team", job(id).getString("team"))
                .containsEntry("app.kubernetes.io/managed-by", "temper");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(30 * 60L);
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("cloud.example.com/pool", "gpu-a100"));
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getOperator()).isEqualTo("Exists");
        });
        assertThat(pod.getPriorityClassName()).isEqualTo("temper-training");
        assertThat(pod.getVolumes()).noneMatch(v -> v.getPersistentVolumeClaim() != null);
        Container worker = pod.getContainers().get(0);
        assertThat(worker.getImage()).isEqualTo("registry.example.com/temper:1.4.0");
        assertThat(worker.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"))
                .containsEntry("memory", new Quantity("4096Mi"));
        assertThat(worker.getResources().getRequests()).containsEntry("cpu", new Quantity("2000m"));
        assertThat(job(id).getString("worker")).isEqualTo("temper-job-" + id + "-a1");

        Secret secret = client().secrets().inNamespace(NAMESPACE).withName("temper-job-" + id + "-a1").get();
        assertThat(token(secret)).hasSizeGreaterThan(20);
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Job");
            assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid());
        });

        String podName = createPod(job);
        setStatus(podName, new PodStatusBuilder().withPhase("Pending").addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage(UNSCHEDULABLE).endCondition().build());
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).getString("message").startsWith("Waiting for a node"));
        assertThat(job(id).getString("message")).isEqualTo("Waiting for a node: " + UNSCHEDULABLE);
        assertThat(job(id).getString("state")).isEqualTo("STARTING");

        setStatus(podName, new PodStatusBuilder().withPhase("Failed").addToContainerStatuses(new ContainerStatusBuilder()
                .withName("worker").withImage(worker.getImage()).withNewState().withNewTerminated().withReason("OOMKilled")
                .withExitCode(137).endTerminated().endState().build()).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).getString("state").equals("FAILED"));
        assertThat(job(id).getString("message"))
                .isEqualTo("Out of memory: the worker exceeded its memory limit of 4096 MiB (OOMKilled)");
        assertThat(job(id).getInt("attempt")).isEqualTo(1);
    }

    @Test
    void aCancelledJobDeletesItsKubernetesJobAndSecret() throws Exception {
        long id = submit(Map.of());
        Job launched = awaitJob(id, 1);

        as("alice").post("/api/jobs/{id}/cancel", id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs(id).isEmpty());
        // Kubernetes' garbage collector deletes the Secret with the Job it belongs to (the mock server has none):
        // the server itself may not delete Secrets.
        assertThat(client().secrets().inNamespace(NAMESPACE).withLabel("temper.dev/job-id", Long.toString(id))
                .list().getItems()).singleElement().satisfies(secret -> assertThat(secret.getMetadata()
                        .getOwnerReferences()).singleElement()
                        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(launched.getMetadata().getUid())));
        assertThat(job(id).getString("state")).isEqualTo("CANCELLED");
    }

    @Test
    void aKilledWorkerIsRetriedAsANewAttemptAndAnImageThatCannotBePulledFailsTheJob() throws Exception {
        long id = submit(Map.of("maxRetries", 1));
        Job first = awaitJob(id, 1);
        String podName = createPod(first);
        setStatus(podName, new PodStatusBuilder().withPhase("Failed").addToContainerStatuses(new ContainerStatusBuilder()
                .withName("worker").withNewState().withNewTerminated().withReason("Error").withExitCode(137)
                .endTerminated().endState().build()).build());

        Job second = awaitJob(id, 2);
        List<String> lost = as("alice").get("/api/jobs/{id}/events", id).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'lost' }.message");
        assertThat(lost).singleElement().asString().startsWith("Worker lost (Error, exit code 137 (pod " + podName + "))")
                .contains("queued again for attempt 2 of 2");

        String secondPod = createPod(second);
        setStatus(secondPod, new PodStatusBuilder().withPhase("Pending").addToContainerStatuses(new ContainerStatusBuilder()
                .withName("worker").withImage("registry.example.com/temper:1.4.0").withNewState().withNewWaiting()
                .withReason("ErrImagePull").withMessage("rpc error: code = NotFound desc = failed to pull and unpack "
                        + "image \"registry.example.com/temper:1.4.0\": not found").endWaiting().endState().build()).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).getString("state").equals("FAILED"));
        assertThat(job(id).getString("message")).isEqualTo("The worker image registry.example.com/temper:1.4.0 cannot "
                + "be pulled: ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "
                + "\"registry.example.com/temper:1.4.0\": not found");
        // Its pod would wait for the image forever; the first attempt's Job stays for its time to live.
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs(id).size() == 1);
        assertThat(jobs(id)).singleElement().satisfies(j -> assertThat(j.getMetadata().getName())
                .isEqualTo(first.getMetadata().getName()));
    }

    @Test
    void aJobDeletedBehindTemperBackLosesItsWorker() throws Exception {
        long id = submit(Map.of("maxRetries", 0));
        awaitJob(id, 1);

        client().batch().v1().jobs().inNamespace(NAMESPACE).withName("temper-job-" + id + "-a1").delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).getString("state").equals("FAILED"));
        assertThat(job(id).getString("message")).isEqualTo("Worker lost on attempt 1 (its Kubernetes Job temper-job-"
                + id + "-a1 was deleted); no retries left (limit 0)");
    }

    private KubernetesClient client() {
        return server.getClient();
    }

    private List<Job> jobs(long id) {
        return client().batch().v1().jobs().inNamespace(NAMESPACE).withLabel("temper.dev/job-id", Long.toString(id))
                .list().getItems();
    }

    /** The attempt's Job once it may run: the Job controller starts no pod while a Job is suspended. */
    private Job awaitJob(long id, int attempt) {
        String name = WorkerJobBuilder.name(id, attempt);
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> client().batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get(),
                        job -> job != null && Boolean.FALSE.equals(job.getSpec().getSuspend()));
    }

    /** The pod the Job controller would create: the template's labels and spec, under a generated name. */
    private String createPod(Job job) {
        String name = job.getMetadata().getName() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).build();
        client().pods().inNamespace(NAMESPACE).resource(pod).create();
        return name;
    }

    private void setStatus(String podName, PodStatus status) {
        client().pods().inNamespace(NAMESPACE).withName(podName)
                .editStatus(pod -> new PodBuilder(pod).withStatus(status).build());
    }

    private static String token(Secret secret) {
        if (secret.getStringData() != null && secret.getStringData().containsKey("token")) {
            return secret.getStringData().get("token");
        }
        return new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
    }

    private static long submit(Map<String, Object> extra) throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("kind", "PRETRAIN", "modelName", "k8s-cnn",
                "datasetVersionId", datasetId(), "architecture", Map.of("type", "CNN", "height", 28, "width", 28,
                        "channels", 1, "convFilters", List.of(8), "denseWidths", List.of(16)),
                "strategy", Map.of("epochs", 3)));
        request.putAll(extra);
        return as("alice").contentType(ContentType.JSON).body(request).post("/api/jobs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath job(long id) {
        return as("alice").get("/api/jobs/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Registered on first use: REST Assured points at the test server only once Quarkus runs the tests. */
    private static synchronized long datasetId() throws Exception {
        if (datasetId == null) {
            datasetId = BarImagesIdx.register("alice", "k8s-bars", 500, 11);
        }
        return datasetId;
    }
}
