package dev.temper.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.audit.AuditConfig;
import dev.temper.dataset.DatasetConfig;
import dev.temper.devstack.EmbeddedConfig;
import dev.temper.evaluation.EvaluationConfig;
import dev.temper.serving.ServingConfig;
import dev.temper.storage.StorageConfig;
import dev.temper.testsupport.ConfigMappings;
import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.WorkerConfig;
import dev.temper.training.queue.QuotaConfig;
import dev.temper.webhook.WebhookConfig;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The temper.* settings: every name application.properties uses (in any profile) belongs to a config
 * mapping, and each mapping's default is what the file sets, so a server without the file behaves the same.
 */
class ConfigurationTest {

    private static final List<Class<?>> MAPPINGS = List.of(WorkerConfig.class, ExecutorConfig.class,
            QuotaConfig.class, StorageConfig.class, EmbeddedConfig.class, EvaluationConfig.class,
            DatasetConfig.class, ServingConfig.class, AuditConfig.class, WebhookConfig.class);
    /** Helpers that only the file's own expressions read. */
    private static final Set<String> EXPRESSION_ONLY = Set.of("temper.keycloak.realm-url");

    @Test
    void everyTemperSettingOfTheFileIsMappedAndDefaultsToItsValue() throws IOException {
        Properties file = applicationProperties();
        SmallRyeConfig defaults = ConfigMappings.config(Map.of(), MAPPINGS);
        Set<String> checked = new TreeSet<>();
        for (String key : file.stringPropertyNames()) {
            boolean profiled = key.startsWith("%");
            String name = profiled ? key.substring(key.indexOf('.') + 1) : key;
            if (!name.startsWith("temper.") || EXPRESSION_ONLY.contains(name)) {
                continue;
            }
            ConfigValue mapped = defaults.getConfigValue(name);
            assertThat(mapped.getRawValue()).as("the default of %s", key).isNotNull();
            if (!profiled) {
                assertThat(mapped.getRawValue()).as("the default of %s", key).isEqualTo(file.getProperty(key));
            }
            checked.add(name);
        }
        assertThat(checked).contains("temper.worker.heartbeat-timeout", "temper.executor.type",
                "temper.quota.default-gpus", "temper.storage.root", "temper.embedded.keycloak-home");
    }

    @Test
    void theDefaultsAloneAreAValidConfiguration() {
        // Together: the Kubernetes executor's server URL defaults to the local workers' one.
        SmallRyeConfig defaults = ConfigMappings.config(Map.of(), MAPPINGS);

        assertThat(defaults.getConfigMapping(ExecutorConfig.class).kubernetes().serverUrl())
                .isEqualTo(defaults.getConfigMapping(WorkerConfig.class).serverUrl())
                .isEqualTo("http://127.0.0.1:8080");
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConfigurationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
