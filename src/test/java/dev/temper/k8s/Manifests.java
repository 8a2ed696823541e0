package dev.temper.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * The YAML documents under {@code k8s/}, read as typed Fabric8 objects. {@code k8s/base} holds what every
 * installation applies; the production overlay ({@code k8s/overlays/production}) and the demo overlay ({@code k8s/overlays/dev}) only add
 * to it. Runs from the project root (Maven's working directory).
 */
final class Manifests {

    static final Path ROOT = Path.of("k8s");
    static final Path BASE = ROOT.resolve("base");
    static final Path PRODUCTION = ROOT.resolve("overlays/production");
    static final Path DEV = ROOT.resolve("overlays/dev");
    static final String KUSTOMIZATION = "kustomization.yaml";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Kubernetes' own objects, and the Prometheus Operator's (published among Fabric8's OpenShift models). */
    private static final List<String> FABRIC8_MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model",
            "io.fabric8.openshift.api.model.monitoring");

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
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("Job", Job.class),
            Map.entry("Secret", Secret.class),
            Map.entry("Ingress", Ingress.class),
            Map.entry("ServiceMonitor", ServiceMonitor.class));

    /** One YAML document of one file. */
    record Manifest(Path file, int index, JsonNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText(tree.path("metadata").path("generateName").asText());
        }

        boolean inBase() {
            return file.normalize().startsWith(BASE);
        }

        HasMetadata parse() {
            Class<? extends HasMetadata> type = TYPES.get(kind());
            if (type == null) {
                fail(this + ": kind '" + kind() + "' is not one this test knows; add it to TYPES");
            }
            try {
                return YAML.treeToValue(tree, type);
            } catch (IOException e) {
                throw new AssertionError(this + " does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return ROOT.relativize(file) + "#" + index + " " + kind() + "/" + name();
        }
    }

    private final List<Manifest> all;

    private Manifests(List<Manifest> all) {
        this.all = all;
    }

    static Manifests read() throws IOException {
        assertTrue(Files.isDirectory(ROOT), "run from the project root: no " + ROOT.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted()
                    .toList();
        }
        List<Manifest> manifests = new ArrayList<>();
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
        assertFalse(manifests.isEmpty(), "no manifests under " + ROOT);
        return new Manifests(manifests);
    }

    List<Manifest> all() {
        return all;
    }

    /** Every resource of the shared manifests (k8s/base) of the given type. */
    <T extends HasMetadata> List<T> base(Class<T> type) {
        return all.stream().filter(Manifest::inBase).map(Manifest::parse).filter(type::isInstance).map(type::cast)
                .toList();
    }

    <T extends HasMetadata> T only(Class<T> type, String name) {
        List<T> found = base(type).stream().filter(r -> name.equals(r.getMetadata().getName())).toList();
        assertEquals(1, found.size(), "expected exactly one " + type.getSimpleName() + " named " + name);
        return found.get(0);
    }

    List<HasMetadata> parseAll(Path file) {
        Path normalized = file.normalize();
        return all.stream().filter(m -> m.file().normalize().equals(normalized)).map(Manifest::parse).toList();
    }

    /**
     * Fabric8 models keep fields they do not know in {@code additionalProperties} instead of failing;
     * walk the object graph and collect the path of every such field.
     */
    static void collectUnknownFields(Object node, String path, List<String> unknown) {
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
        if (!isModel(node.getClass())) {
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
                        || isModel(type));
    }

    private static boolean isModel(Class<?> type) {
        return FABRIC8_MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith);
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
