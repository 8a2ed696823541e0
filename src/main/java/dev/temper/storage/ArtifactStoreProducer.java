package dev.temper.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the one {@link ArtifactStore} of the server, of the kind {@code temper.storage.type} names:
 * {@code filesystem} (the default, under {@code temper.storage.root}) or {@code s3} (configured by
 * {@code temper.storage.s3.*}).
 */
@ApplicationScoped
public class ArtifactStoreProducer {

    static final String TYPE = "temper.storage.type";
    static final String ROOT = "temper.storage.root";
    static final String S3_ENDPOINT = "temper.storage.s3.endpoint";
    static final String S3_REGION = "temper.storage.s3.region";
    static final String S3_BUCKET = "temper.storage.s3.bucket";
    static final String S3_PATH_STYLE = "temper.storage.s3.path-style";
    static final String S3_ACCESS_KEY = "temper.storage.s3.access-key";
    static final String S3_SECRET_KEY = "temper.storage.s3.secret-key";

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(Config config) {
        return create(name -> config.getOptionalValue(name, String.class));
    }

    void close(@Disposes ArtifactStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The store the properties ask for; a missing or malformed property is named in the exception. */
    static ArtifactStore create(Function<String, Optional<String>> property) {
        String type = property.apply(TYPE).orElse("filesystem");
        return switch (type) {
            case "filesystem" -> new FileSystemArtifactStore(Path.of(required(property, ROOT, "")));
            case "s3" -> new S3ArtifactStore(s3Settings(property));
            default -> throw new IllegalStateException(
                    TYPE + " is '" + type + "', but the artifact store can only be 'filesystem' or 's3'");
        };
    }

    private static S3Settings s3Settings(Function<String, Optional<String>> property) {
        Optional<String> accessKey = property.apply(S3_ACCESS_KEY);
        Optional<String> secretKey = property.apply(S3_SECRET_KEY);
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalStateException("Set both " + S3_ACCESS_KEY + " and " + S3_SECRET_KEY
                    + ", or neither to use the AWS default credentials");
        }
        return new S3Settings(
                property.apply(S3_ENDPOINT).map(URI::create),
                property.apply(S3_REGION).orElse("us-east-1"),
                required(property, S3_BUCKET, " when " + TYPE + " is s3"),
                property.apply(S3_PATH_STYLE).map(ArtifactStoreProducer::pathStyle).orElse(true),
                accessKey.map(key -> new S3Settings.Credentials(key, secretKey.orElseThrow())));
    }

    private static boolean pathStyle(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(S3_PATH_STYLE + " is '" + value + "', but must be true or false");
        };
    }

    private static String required(Function<String, Optional<String>> property, String name, String condition) {
        return property.apply(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException(name + " must be set" + condition));
    }
}
