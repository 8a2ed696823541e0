package dev.temper.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the S3 bucket that holds the artifacts is and how to sign in to it.
 *
 * @param endpoint the server of an S3-compatible store (MinIO, Ceph, s3proxy...); empty for AWS itself
 * @param pathStyle address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key},
 *     which most S3-compatible servers need
 * @param credentials empty to use the AWS default chain (environment, profile, instance or pod role)
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
        Optional<Credentials> credentials) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** A static access key, as S3-compatible servers hand out. */
    public record Credentials(String accessKey, String secretKey) {

        @Override
        public String toString() {
            return "Credentials[accessKey=" + accessKey + ", secretKey=<hidden>]";
        }
    }

    /** Where this store writes, for messages: no secrets. */
    String describe() {
        return "S3 bucket " + bucket + endpoint.map(uri -> " at " + uri).orElse(" in region " + region);
    }
}
