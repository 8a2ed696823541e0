package dev.temper.testsupport;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Config mappings built without Quarkus but as Quarkus builds them: defaults, expressions, its duration
 * format ({@code 60s}, {@code 15m}) and the Bean Validation constraints, which fail the build as they
 * would fail the server's start.
 */
public final class ConfigMappings {

    private ConfigMappings() {
    }

    /** The mapping from these properties alone (and its defaults). */
    public static <T> T load(Class<T> mapping, Map<String, String> properties) {
        return config(properties, List.of(mapping)).getConfigMapping(mapping);
    }

    /** A configuration of these properties alone that knows the mappings, and so their defaults. */
    public static SmallRyeConfig config(Map<String, String> properties, List<Class<?>> mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test properties", 100))
                .withValidator(new BeanValidationConfigValidatorImpl());
        mappings.forEach(builder::withMapping);
        return builder.build();
    }
}
