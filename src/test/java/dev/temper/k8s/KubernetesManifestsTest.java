package dev.temper.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import dev.temper.training.executor.KubernetesExecutorConfig;

/**
 * Reads every manifest under {@code k8s/} as typed Fabric8 objects, so that a misspelt or misplaced field
 * fails here rather than in a cluster, and checks the few properties the product relies on. The security
 * properties (Pod Security, network policies, RBAC, Keycloak, image digests, the worker's pod) are in
 * {@link KubernetesSecurityManifestsTest}. Needs no cluster.
 */
class KubernetesManifestsTest {

    private static Manifests manifests;

    @BeforeAll
    static void readManifests() throws IOException {
        manifests = Manifests.read();
    }

    @TestFactory
    Stream<DynamicTest> everyManifestIsAKnownKindWithOnlyKnownFields() {
        return manifests.all().stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> {
            HasMetadata resource = m.parse();
            assertNotNull(resource.getMetadata(), m + " has no metadata");
            List<String> unknown = new ArrayList<>();
            Manifests.collectUnknownFields(resource, m.kind(), unknown);
            assertTrue(unknown.isEmpty(), m + " has fields Kubernetes does not know: " + unknown);
        }));
    }

    @Test
    void everyKustomizationInputExists() throws IOException {
        for (Path dir : List.of(Manifests.BASE, Manifests.PRODUCTION, Manifests.DEV, Manifests.ROOT.resolve("monitoring"))) {
            JsonNode kustomization = Manifests.YAML.readTree(dir.resolve(Manifests.KUSTOMIZATION).toFile());
            JsonNode resources = kustomization.path("resources");
            assertTrue(resources.isArray() && !resources.isEmpty(), dir + ": kustomization lists no resources");
            for (JsonNode resource : resources) {
                Path path = dir.resolve(resource.asText()).normalize();
                assertTrue(Files.isRegularFile(path) || Files.isRegularFile(path.resolve(Manifests.KUSTOMIZATION)),
                        dir + ": kustomization lists a missing resource: " + path);
                assertFalse(manifests.parseAll(path).stream().anyMatch(Secret.class::isInstance),
                        "secret values do not belong in git: " + path);
            }
            for (String field : List.of("configMapGenerator", "patches")) {
                for (JsonNode entry : kustomization.path(field)) {
                    List<String> sources = new ArrayList<>();
                    entry.path("files").forEach(file -> sources.add(file.asText().substring(file.asText().indexOf('=') + 1)));
                    if (entry.has("path")) {
                        sources.add(entry.path("path").asText());
                    }
                    for (String source : sources) {
                        assertTrue(Files.isRegularFile(dir.resolve(source)), dir + ": " + field + " reads a missing file: " + source);
                    }
                }
            }
        }
        JsonNode base = Manifests.YAML.readTree(Manifests.BASE.resolve(Manifests.KUSTOMIZATION).toFile());
        assertEquals("temper", base.path("namespace").asText());
    }

    @Test
    void serverDeploymentIsProbedAndBounded() {
        Deployment server = manifests.only(Deployment.class, "temper-server");
        Container container = server.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertNotNull(container.getResources().getRequests(), "server has no resource requests");
        assertNotNull(container.getResources().getLimits(), "server has no resource limits");
        assertEquals(Boolean.TRUE, server.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals("temper-server", server.getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    /** Prometheus finds the server's Service and port, and asks Keycloak for a token where the server trusts it. */
    @Test
    void theServiceMonitorScrapesTheServerWithTheMetricsClient() {
        ServiceMonitor monitor = (ServiceMonitor) manifests.parseAll(Manifests.ROOT.resolve("monitoring/servicemonitor.yaml"))
                .get(0);
        Service service = manifests.only(Service.class, "temper-server");
        assertEquals(service.getMetadata().getLabels(), monitor.getSpec().getSelector().getMatchLabels());
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertTrue(service.getSpec().getPorts().stream().anyMatch(port -> port.getName().equals(endpoint.getPort())),
                "the ServiceMonitor's port is not one of the Service's");
        assertEquals("/q/metrics", endpoint.getPath());
        assertEquals("temper-metrics", endpoint.getOauth2().getClientSecret().getName());
        assertEquals("temper-metrics", endpoint.getOauth2().getClientId().getSecret().getName());
        String realm = manifests.only(ConfigMap.class, "temper-server").getData().get("QUARKUS_OIDC_API_AUTH_SERVER_URL");
        assertEquals(realm + "/protocol/openid-connect/token", endpoint.getOauth2().getTokenUrl());
    }

    /** The production overlay's server settings name only executor settings that exist (a typo would be ignored). */
    @Test
    void theProductionSettingsNameRealExecutorSettings() throws IOException {
        Properties settings = new Properties();
        try (var in = Files.newInputStream(Manifests.PRODUCTION.resolve("production.properties"))) {
            settings.load(in);
        }
        Set<String> known = Arrays.stream(KubernetesExecutorConfig.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        String prefix = "temper.executor.kubernetes.";
        List<String> executorKeys = settings.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).toList();
        assertTrue(executorKeys.size() >= 3, "no GPU settings for the workers");
        for (String key : executorKeys) {
            String setting = key.substring(prefix.length()).split("[.\\[]")[0];
            String method = Pattern.compile("-([a-z])").matcher(setting).replaceAll(m -> m.group(1).toUpperCase());
            assertTrue(known.contains(method), key + " is no setting of KubernetesExecutorConfig");
        }
    }

    @Test
    void theServerKeepsArtifactsOnTheMountedVolume() {
        Container container = manifests.only(Deployment.class, "temper-server").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        String mounted = container.getVolumeMounts().stream()
                .filter(mount -> "artifacts".equals(mount.getName()))
                .findFirst().orElseThrow().getMountPath();
        // The environment form of temper.storage.root; any other name would leave the default data/artifacts
        // inside the container, lost with the pod.
        assertEquals(mounted, manifests.only(ConfigMap.class, "temper-server").getData().get("TEMPER_STORAGE_ROOT"));
    }

    @Test
    void serverRoleCanRunJobsAndReadTheirLogs() {
        Role role = manifests.only(Role.class, "temper-server");
        for (String verb : List.of("create", "get", "list", "watch", "patch", "delete", "deletecollection")) {
            // patch lets a Job created suspended run once its token Secret exists; deletecollection cancels by label
            assertTrue(grants(role.getRules(), "batch", "jobs", verb), verb + " batch/jobs");
        }
        assertTrue(grants(role.getRules(), "", "pods", "list"), "list pods");
        assertTrue(grants(role.getRules(), "", "pods", "watch"), "watch pods");
        assertTrue(grants(role.getRules(), "", "pods/log", "get"), "get pods/log");
        assertTrue(grants(role.getRules(), "", "secrets", "create"), "create secrets: each attempt's token");
        RoleBinding binding = manifests.only(RoleBinding.class, "temper-server");
        assertEquals("temper-server", binding.getRoleRef().getName());
        assertTrue(binding.getSubjects().stream()
                .anyMatch(s -> "ServiceAccount".equals(s.getKind()) && "temper-server".equals(s.getName())));
    }

    static boolean grants(List<PolicyRule> rules, String apiGroup, String resource, String verb) {
        return rules.stream().anyMatch(rule -> rule.getApiGroups().contains(apiGroup)
                && rule.getResources().contains(resource)
                && rule.getVerbs().contains(verb));
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "missing probe on " + path);
        assertNotNull(probe.getHttpGet(), "probe on " + path + " is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath());
    }
}
