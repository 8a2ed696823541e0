package dev.temper.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the one {@link ArtifactStore} of the server, of the kind {@code temper.storage.type} names:
 * {@code filesystem} (the default, under {@code temper.storage.root}) or {@code s3} (configured by
 * {@code temper.storage.s3.*}).
 */
@ApplicationScoped
public class ArtifactStoreProducer {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(StorageConfig config) {
        return create(config);
    }

    void close(@Disposes ArtifactStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The store the configuration asks for; what the configuration lacks is named in the exception. */
    static ArtifactStore create(StorageConfig config) {
        return switch (config.type()) {
            case FILESYSTEM -> new FileSystemArtifactStore(config.root(), config.minFreeBytes());
            case S3 -> new S3ArtifactStore(s3Settings(config.s3()));
        };
    }

    private static S3Settings s3Settings(StorageConfig.S3 s3) {
        if (s3.accessKey().isPresent() != s3.secretKey().isPresent()) {
            throw new IllegalStateException("Set both temper.storage.s3.access-key and temper.storage.s3.secret-key,"
                    + " or neither to use the AWS default credentials");
        }
        String bucket = s3.bucket().filter(name -> !name.isBlank()).orElseThrow(() -> new IllegalStateException(
                "temper.storage.s3.bucket must be set when temper.storage.type is s3"));
        return new S3Settings(s3.endpoint(), s3.region(), bucket, s3.pathStyle(),
                s3.accessKey().map(key -> new S3Settings.Credentials(key, s3.secretKey().orElseThrow())));
    }
}
