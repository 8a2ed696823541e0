package dev.temper.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.JobResources;
import dev.temper.training.executor.WorkerLaunch;
import dev.temper.training.executor.kubernetes.WorkerJobBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The security properties of the manifests under {@code k8s/}: every pod, the worker's included, meets the
 * "restricted" Pod Security Standard; ingress is denied unless a NetworkPolicy lets it; the server's Role cannot
 * read Secrets; Keycloak runs in production mode on its own database with a realm that carries no users or
 * secrets; images are pinned by digest; and the server's ConfigMap names only properties the server reads.
 */
class KubernetesSecurityManifestsTest {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "emptyDir", "persistentVolumeClaim",
            "secret", "projected", "downwardAPI", "csi", "ephemeral");
    private static final WorkerLaunch LAUNCH = new WorkerLaunch(42, 1, "team-a", "token",
            new JobResources(1, 2, 4096), 60);

    private static Manifests manifests;

    @BeforeAll
    static void readManifests() throws IOException {
        manifests = Manifests.read();
    }

    // --- Pod Security -------------------------------------------------------------------------------------------

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard() {
        Namespace namespace = manifests.only(Namespace.class, "temper");
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void everyPodMeetsTheRestrictedStandardWithAReadOnlyRoot() {
        Map<String, PodTemplateSpec> pods = podTemplates();
        pods.put("worker Job", new PodTemplateSpec(null, workerJob().getSpec().getTemplate().getSpec()));
        assertThat(pods).containsKeys("Deployment/temper-server", "Deployment/temper-keycloak",
                "StatefulSet/temper-postgres", "worker Job");
        pods.forEach((name, template) -> {
            PodSpec pod = template.getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " runAsUser").isNotNull().isNotZero();
            assertThat(pod.getSecurityContext().getSeccompProfile()).as(name + " seccompProfile").isNotNull();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).as(name + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            for (Volume volume : pod.getVolumes()) {
                assertThat(volumeType(volume)).as(name + " volume " + volume.getName()).isIn(RESTRICTED_VOLUMES);
            }
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                SecurityContext context = container.getSecurityContext();
                String what = name + " container " + container.getName();
                assertThat(context).as(what + " securityContext").isNotNull();
                assertThat(context.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(context.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(context.getCapabilities().getDrop()).as(what + " capabilities.drop").containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as(what + " capabilities.add").isNullOrEmpty();
                assertThat(context.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(context.getRunAsUser()).as(what + " runAsUser").isNotEqualTo(Long.valueOf(0));
            }
        });
    }

    @Test
    void workerPodsMountNoArtifactsThoughTheConfigMapNamesTheClaim() {
        assertThat(serverConfig()).containsKey("TEMPER_EXECUTOR_KUBERNETES_ARTIFACT_CLAIM");
        Job job = workerJob();
        PodSpec pod = job.getSpec().getTemplate().getSpec();

        assertThat(pod.getVolumes()).noneMatch(v -> v.getPersistentVolumeClaim() != null);
        assertThat(pod.getContainers()).allSatisfy(c -> assertThat(c.getVolumeMounts())
                .noneMatch(m -> m.getMountPath().startsWith(WorkerJobBuilder.ARTIFACTS_PATH)));
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    // --- Network policies ---------------------------------------------------------------------------------------

    @Test
    void ingressIsDeniedUnlessAPolicyLetsItAndEveryPodHasOne() {
        List<NetworkPolicy> policies = manifests.base(NetworkPolicy.class);
        assertThat(policies).anySatisfy(deny -> {
            assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(deny.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, PodTemplateSpec> pods = podTemplates();
        pods.put("worker Job", workerJob().getSpec().getTemplate());
        pods.forEach((name, template) -> assertThat(policies)
                .as(name + " is selected by a policy of its own")
                .anyMatch(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && selects(p.getSpec().getPodSelector().getMatchLabels(), template)));
    }

    @Test
    void postgresIsReachedByTheServerAndKeycloakOnly() {
        NetworkPolicy policy = policyFor(podTemplates().get("StatefulSet/temper-postgres"));
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).hasSize(2).allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNull());
            assertThat(rule.getFrom()).anyMatch(peer -> selectsPod(peer, "Deployment/temper-server"))
                    .anyMatch(peer -> selectsPod(peer, "Deployment/temper-keycloak"));
            assertThat(rule.getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("postgres"));
        });
    }

    @Test
    void theServerAndKeycloakTakeTrafficOnTheirHttpPortOnly() {
        for (String pod : List.of("Deployment/temper-server", "Deployment/temper-keycloak")) {
            NetworkPolicy policy = policyFor(podTemplates().get(pod));
            assertThat(policy.getSpec().getIngress()).as(pod).allSatisfy(rule -> assertThat(rule.getPorts())
                    .singleElement().satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http")));
        }
    }

    @Test
    void workersReachTheServerAndDnsOnlyAndTakeNothing() {
        NetworkPolicy policy = policyFor(workerJob().getSpec().getTemplate());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).hasSize(2);
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(selectsPod(peer, "Deployment/temper-server")).isTrue();
            });
            assertThat(rule.getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8080));
        });
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
    }

    // --- RBAC ---------------------------------------------------------------------------------------------------

    @Test
    void noRoleUsesWildcardsOrReachesSecretsBeyondCreatingThem() {
        List<Role> roles = manifests.base(Role.class);
        assertThat(roles).isNotEmpty();
        for (Role role : roles) {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getApiGroups()).as(role.getMetadata().getName()).doesNotContain("*");
                assertThat(rule.getResources()).as(role.getMetadata().getName()).doesNotContain("*");
                assertThat(rule.getVerbs()).as(role.getMetadata().getName()).doesNotContain("*");
                if (rule.getApiGroups().contains("") && rule.getResources().contains("secrets")
                        && rule.getResourceNames().isEmpty()) {
                    // get, list, watch, patch, update or delete would reach every Secret of the namespace.
                    assertThat(rule.getVerbs()).as("verbs on every Secret").containsExactly("create");
                }
            }
        }
    }

    // --- Keycloak -----------------------------------------------------------------------------------------------

    @Test
    void keycloakRunsInProductionModeOnItsOwnDatabase() {
        Deployment keycloak = manifests.only(Deployment.class, "temper-keycloak");
        Container container = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getArgs()).contains("start").doesNotContain("start-dev");
        Map<String, EnvVar> env = new java.util.HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        assertThat(env.get("KC_DB").getValue()).isEqualTo("postgres");
        for (String secret : List.of("KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_PASSWORD",
                "TEMPER_OIDC_CLIENT_SECRET")) {
            assertThat(env.get(secret).getValue()).as(secret + " comes from a Secret").isNull();
            assertThat(env.get(secret).getValueFrom().getSecretKeyRef()).as(secret).isNotNull();
        }
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("temper-keycloak"));
        Map<String, String> settings = manifests.only(ConfigMap.class, "temper-keycloak").getData();
        assertThat(settings).containsKeys("KC_HOSTNAME", "KC_PROXY_HEADERS", "TEMPER_PUBLIC_URL")
                .containsEntry("KC_DB_URL_DATABASE", "keycloak");
        // Keycloak's database is not Temper's: its own role and database, made by the PostgreSQL init script.
        assertThat(manifests.only(ConfigMap.class, "temper-server").getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .endsWith("/temper");
    }

    @Test
    void theProductionRealmHasRolesAndGroupsButNoUsersSecretsOrPasswordGrant() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Manifests.BASE.resolve("keycloak/temper-realm.json").toFile());
        assertThat(realm.has("users")).as("users in the production realm").isFalse();
        assertThat(realm.path("roles").path("realm")).extracting(r -> r.path("name").asText())
                .contains("viewer", "ml-engineer", "reviewer", "admin");
        assertThat(realm.path("groups")).isNotEmpty();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("clients")).isNotEmpty().allSatisfy(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + " password grant").isFalse();
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as(id + " secret").matches(PLACEHOLDER);
            }
            client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).as(id).doesNotContain("localhost"));
        });
    }

    @Test
    void theDemoOverlayAloneBringsTheDemoUsers() throws IOException {
        JsonNode demo = new ObjectMapper().readTree(Manifests.DEV.resolve("temper-realm.json").toFile());
        assertThat(demo.path("users")).extracting(u -> u.path("username").asText()).contains("alice", "erin");
        JsonNode overlay = Manifests.YAML.readTree(Manifests.DEV.resolve(Manifests.KUSTOMIZATION).toFile());
        assertThat(overlay.path("configMapGenerator")).anySatisfy(generator -> {
            assertThat(generator.path("name").asText()).isEqualTo("temper-keycloak-realm");
            assertThat(generator.path("behavior").asText()).isEqualTo("replace");
        });
    }

    // --- Images -------------------------------------------------------------------------------------------------

    @Test
    void productionPinsEveryImageByDigestAndWorkersRunTheServersImage() throws IOException {
        JsonNode production = Manifests.YAML.readTree(Manifests.PRODUCTION.resolve(Manifests.KUSTOMIZATION).toFile());
        Map<String, String> digests = new java.util.HashMap<>();
        production.path("images").forEach(image -> digests.put(image.path("name").asText(),
                image.path("digest").asText()));
        Set<String> named = new HashSet<>();
        podTemplates().values().forEach(t -> {
            t.getSpec().getContainers().forEach(c -> named.add(imageName(c.getImage())));
            t.getSpec().getInitContainers().forEach(c -> named.add(imageName(c.getImage())));
        });
        assertThat(named).isNotEmpty();
        for (String image : named) {
            assertThat(digests.get(image)).as("digest of " + image).isNotNull().matches(DIGEST);
        }
        assertThat(production.path("replacements")).anySatisfy(replacement -> {
            assertThat(replacement.path("source").path("name").asText()).isEqualTo("temper-server");
            assertThat(replacement.path("targets").toString()).contains("TEMPER_EXECUTOR_KUBERNETES_IMAGE");
        });
    }

    // --- The server's ConfigMap ---------------------------------------------------------------------------------

    @Test
    void everyServerConfigMapKeyIsAPropertyTheServerReads() throws Exception {
        List<Pattern> known = new ArrayList<>();
        for (String name : applicationProperties()) {
            known.add(envForm(name));
        }
        for (Class<?> mapping : temperConfigMappings()) {
            ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).keySet()
                    .forEach(name -> known.add(envForm(name)));
        }
        // Quarkus' own HTTP settings: the proxy headers of the ingress in front of the server.
        ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(VertxHttpConfig.class, "quarkus.http"))
                .keySet().forEach(name -> known.add(envForm(name)));

        List<String> unknown = serverConfig().keySet().stream()
                .filter(key -> known.stream().noneMatch(p -> p.matcher(key).matches())).toList();
        assertThat(unknown).as("keys the server would ignore").isEmpty();
        assertThat(serverConfig()).containsKey("TEMPER_STORAGE_ROOT").doesNotContainKey("TEMPER_ARTIFACTS_DIR");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The Job the executor makes from the settings in the server's ConfigMap, as the server would read them. */
    private static Job workerJob() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(serverConfig(), 300))
                .withMapping(ExecutorConfig.class)
                .build();
        Job job = new WorkerJobBuilder(config.getConfigMapping(ExecutorConfig.class).kubernetes()).job(LAUNCH);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo(serverConfig().get("TEMPER_EXECUTOR_KUBERNETES_IMAGE"));
        return job;
    }

    private static Map<String, String> serverConfig() {
        return manifests.only(ConfigMap.class, "temper-server").getData();
    }

    private static Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new java.util.LinkedHashMap<>();
        manifests.base(Deployment.class).forEach(d -> pods.put("Deployment/" + d.getMetadata().getName(),
                d.getSpec().getTemplate()));
        manifests.base(StatefulSet.class).forEach(s -> pods.put("StatefulSet/" + s.getMetadata().getName(),
                s.getSpec().getTemplate()));
        return pods;
    }

    private static NetworkPolicy policyFor(PodTemplateSpec pod) {
        List<NetworkPolicy> policies = manifests.base(NetworkPolicy.class).stream()
                .filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                .filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), pod)).toList();
        assertThat(policies).hasSize(1);
        return policies.get(0);
    }

    private static boolean selectsPod(NetworkPolicyPeer peer, String pod) {
        return peer.getPodSelector() != null && !peer.getPodSelector().getMatchLabels().isEmpty()
                && selects(peer.getPodSelector().getMatchLabels(), podTemplates().get(pod));
    }

    private static boolean selects(Map<String, String> selector, PodTemplateSpec pod) {
        Map<String, String> labels = pod.getMetadata() == null ? Map.of() : pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String volumeType(Volume volume) {
        JsonNode tree = Manifests.YAML.valueToTree(volume);
        List<String> types = new ArrayList<>();
        tree.fieldNames().forEachRemaining(field -> {
            if (!field.equals("name")) {
                types.add(field);
            }
        });
        return String.join(",", types);
    }

    private static String imageName(String image) {
        int at = image.indexOf('@');
        String name = at < 0 ? image : image.substring(0, at);
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    private static Set<String> applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Set<String> names = new HashSet<>();
        for (String name : properties.stringPropertyNames()) {
            names.add(name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name);
        }
        return names;
    }

    /** Temper's own {@code @ConfigMapping} interfaces, found in the sources. */
    private static List<Class<?>> temperConfigMappings() throws IOException, ClassNotFoundException {
        Path sources = Path.of("src/main/java");
        List<Class<?>> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@ConfigMapping(prefix")) {
                    String name = sources.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                    mappings.add(Class.forName(name));
                }
            }
        }
        assertThat(mappings).isNotEmpty();
        return mappings;
    }

    /**
     * The environment variable names a property can be given as: upper case, every other character an underscore;
     * a map key ({@code *}) or list index ({@code [*]}) of a mapping stands for any name or number.
     */
    static Pattern envForm(String property) {
        StringBuilder regex = new StringBuilder();
        Matcher parts = Pattern.compile("\\[\\*]|\\*|[A-Za-z0-9]|.").matcher(property);
        while (parts.find()) {
            String part = parts.group();
            if (part.equals("[*]")) {
                regex.append("_[0-9]+_");
            } else if (part.equals("*")) {
                regex.append("[A-Z0-9_]+");
            } else if (Character.isLetterOrDigit(part.charAt(0))) {
                regex.append(part.toUpperCase());
            } else {
                regex.append('_');
            }
        }
        return Pattern.compile(regex.toString());
    }
}
