package dev.temper.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** {@code temper.storage.*}: where the artifacts (datasets, models, checkpoints) are kept. */
@ConfigMapping(prefix = "temper.storage")
public interface StorageConfig {

    /** The kinds of store there are. */
    enum Type {
        /** A directory on this machine, or a volume shared with the workers. */
        FILESYSTEM,
        /** An S3 bucket, on AWS or an S3-compatible server. */
        S3
    }

    @WithDefault("filesystem")
    Type type();

    /** The directory of the filesystem store. */
    @WithDefault("data/artifacts")
    Path root();

    /**
     * The filesystem store refuses a write that would leave less than this free on its volume, so a full disk
     * fails one upload clearly instead of the database, logs and other writers of the volume failing at random.
     */
    @WithDefault("268435456")
    long minFreeBytes();

    /** Read only when {@link #type()} is {@code s3}. */
    S3 s3();

    /** The bucket and how to reach it; see {@link S3Settings}. */
    interface S3 {

        /** The server of an S3-compatible store; none for AWS itself. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Required for the S3 store; {@link ArtifactStoreProducer} says so when it is missing. */
        Optional<String> bucket();

        @WithDefault("true")
        @WithConverter(TrueOrFalse.class)
        boolean pathStyle();

        /** With the secret key, or neither of them for the AWS default credentials. */
        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}
