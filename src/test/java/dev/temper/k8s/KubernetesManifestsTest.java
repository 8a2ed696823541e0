package dev.temper.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * Reads every manifest under {@code k8s/} as typed Fabric8 objects, so that a misspelt or misplaced field
 * fails here rather than in a cluster, and checks the few properties the product relies on.
 * Runs from the project root (Maven's working directory); needs no cluster.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String FABRIC8_MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("Namespace", Namespace.class),
            Map.entry("Deployment", Deployment.class),
            Map.entry("StatefulSet", StatefulSet.class),
            Map.entry("Service", Service.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("ServiceAccount", ServiceAccount.class),
            Map.entry("Role", Role.class),
            Map.entry("RoleBinding", RoleBinding.class),
            Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("Job", Job.class),
            Map.entry("Secret", Secret.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Manifest> manifests;

    /** One YAML document of one file. */
    private record Manifest(Path file, int index, JsonNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText(tree.path("metadata").path("generateName").asText());
        }

        @Override
        public String toString() {
            return K8S.relativize(file) + "#" + index + " " + kind() + "/" + name();
        }
    }

    @BeforeAll
    static void readManifests() throws IOException {
        assertTrue(Files.isDirectory(K8S), "run from the project root: no " + K8S.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted()
                    .toList();
        }
        manifests = new ArrayList<>();
        for (Path file : files) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                int index = 0;
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                        manifests.add(new Manifest(file, index, doc));
                    }
                    index++;
                }
            }
        }
        assertFalse(manifests.isEmpty(), "no manifests under " + K8S);
    }

    @TestFactory
    Stream<DynamicTest> everyManifestIsAKnownKindWithOnlyKnownFields() {
        return manifests.stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> {
            HasMetadata resource = parse(m);
            assertNotNull(resource.getMetadata(), m + " has no metadata");
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, m.kind(), unknown);
            assertTrue(unknown.isEmpty(), m + " has fields Kubernetes does not know: " + unknown);
        }));
    }

    @Test
    void everyKustomizationInputExists() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve(KUSTOMIZATION).toFile());
        assertEquals("temper", kustomization.path("namespace").asText());
        JsonNode resources = kustomization.path("resources");
        assertTrue(resources.isArray() && !resources.isEmpty(), "kustomization lists no resources");
        for (JsonNode resource : resources) {
            Path path = K8S.resolve(resource.asText());
            assertTrue(Files.isRegularFile(path), "kustomization lists a missing resource: " + path);
            assertFalse(parseAll(path).stream().anyMatch(Secret.class::isInstance),
                    "secret values do not belong in git: " + path);
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            for (JsonNode file : generator.path("files")) {
                String source = file.asText().substring(file.asText().indexOf('=') + 1);
                assertTrue(Files.isRegularFile(K8S.resolve(source)), "configMapGenerator reads a missing file: " + source);
            }
        }
    }

    @Test
    void serverDeploymentIsProbedAndBounded() {
        Deployment server = only(Deployment.class, "temper-server");
        Container container = server.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertNotNull(container.getResources().getRequests(), "server has no resource requests");
        assertNotNull(container.getResources().getLimits(), "server has no resource limits");
        assertEquals(Boolean.TRUE, server.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals("temper-server", server.getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    @Test
    void theServerKeepsArtifactsOnTheMountedVolume() {
        Container container = only(Deployment.class, "temper-server").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        String mounted = container.getVolumeMounts().stream()
                .filter(mount -> "artifacts".equals(mount.getName()))
                .findFirst().orElseThrow().getMountPath();
        // The environment form of temper.storage.root; any other name would leave the default data/artifacts
        // inside the container, lost with the pod.
        assertEquals(mounted, only(ConfigMap.class, "temper-server").getData().get("TEMPER_STORAGE_ROOT"));
    }

    @Test
    void serverRoleCanRunJobsAndReadTheirLogs() {
        Role role = only(Role.class, "temper-server");
        assertTrue(grants(role.getRules(), "batch", "jobs", "create"), "create batch/jobs");
        assertTrue(grants(role.getRules(), "batch", "jobs", "delete"), "delete batch/jobs");
        assertTrue(grants(role.getRules(), "batch", "jobs", "watch"), "watch batch/jobs");
        assertTrue(grants(role.getRules(), "", "pods", "list"), "list pods");
        assertTrue(grants(role.getRules(), "", "pods", "watch"), "watch pods");
        assertTrue(grants(role.getRules(), "", "pods/log", "get"), "get pods/log");
        // The Kubernetes executor: a token Secret per attempt, tied to its Job; cancelling deletes both by label.
        for (String verb : List.of("create", "get", "patch", "delete", "deletecollection")) {
            assertTrue(grants(role.getRules(), "", "secrets", verb), verb + " secrets");
        }
        assertTrue(grants(role.getRules(), "batch", "jobs", "deletecollection"), "deletecollection batch/jobs");
        RoleBinding binding = only(RoleBinding.class, "temper-server");
        assertEquals("temper-server", binding.getRoleRef().getName());
        assertTrue(binding.getSubjects().stream()
                .anyMatch(s -> "ServiceAccount".equals(s.getKind()) && "temper-server".equals(s.getName())));
    }

    private static boolean grants(List<PolicyRule> rules, String apiGroup, String resource, String verb) {
        return rules.stream().anyMatch(rule -> rule.getApiGroups().contains(apiGroup)
                && rule.getResources().contains(resource)
                && rule.getVerbs().contains(verb));
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "missing probe on " + path);
        assertNotNull(probe.getHttpGet(), "probe on " + path + " is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath());
    }

    private static <T extends HasMetadata> T only(Class<T> type, String name) {
        List<T> found = manifests.stream()
                .map(KubernetesManifestsTest::parse)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(r -> name.equals(r.getMetadata().getName()))
                .toList();
        assertEquals(1, found.size(), "expected exactly one " + type.getSimpleName() + " named " + name);
        return found.get(0);
    }

    private static List<HasMetadata> parseAll(Path file) {
        Path normalized = file.normalize();
        return manifests.stream()
                .filter(m -> m.file().normalize().equals(normalized))
                .map(KubernetesManifestsTest::parse)
                .toList();
    }

    private static HasMetadata parse(Manifest manifest) {
        Class<? extends HasMetadata> type = TYPES.get(manifest.kind());
        if (type == null) {
            fail(manifest + ": kind '" + manifest.kind() + "' is not one this test knows; add it to TYPES");
        }
        try {
            return YAML.treeToValue(manifest.tree(), type);
        } catch (IOException e) {
            throw new AssertionError(manifest + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fabric8 models keep fields they do not know in {@code additionalProperties} instead of failing;
     * walk the object graph and collect the path of every such field.
     */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith(FABRIC8_MODEL_PACKAGE)) {
            return; // strings, numbers, booleans
        }
        for (Method getter : node.getClass().getMethods()) {
            if (!isModelGetter(getter)) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(value, path + "." + propertyName(getter), unknown);
            }
        }
    }

    private static boolean isModelGetter(Method method) {
        Class<?> type = method.getReturnType();
        return method.getName().startsWith("get")
                && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                        || type.getName().startsWith(FABRIC8_MODEL_PACKAGE));
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
