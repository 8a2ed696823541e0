package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps artifacts as the objects of one bucket of AWS S3 or an S3-compatible server. The bucket must
 * exist: it is provisioned with its access policy by whoever runs the platform, not by the server.
 */
public class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    /** Files up to this size go up in one request; larger ones in parts of this size, each retried alone. */
    static final long DEFAULT_PART_SIZE = 64L * 1024 * 1024;

    /** S3 refuses smaller parts (all but the last) and more parts than this. */
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    private final S3Settings settings;
    private final S3Client s3;
    private final long partSize;

    public S3ArtifactStore(S3Settings settings) {
        this(settings, DEFAULT_PART_SIZE);
    }

    S3ArtifactStore(S3Settings settings, long partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts must be at least " + MIN_PART_SIZE + " bytes, not " + partSize);
        }
        this.settings = settings;
        this.s3 = client(settings);
        this.partSize = partSize;
    }

    /** A client for the settings' bucket; the caller closes it. */
    static S3Client client(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.credentials()
                .<AwsCredentialsProvider>map(key -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKey(), key.secretKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3ClientBuilder builder = S3Client.builder()
                // The JDK's HTTP client: the SDK's Netty and Apache clients would clash with Quarkus's own.
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials)
                // S3-compatible servers differ in their support of the newer checksum encodings (aws-chunked
                // trailers), so checksums are computed only where the S3 API requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void put(String key, Path content) throws IOException {
        ArtifactKey.check(key);
        if (exists(key)) {
            throw alreadyStored(key);
        }
        long size = Files.size(content);
        try {
            if (size <= partSize) {
                putWhole(key, content, size);
            } else {
                putInParts(key, content, size);
            }
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED) {
                throw alreadyStored(key);
            }
            throw failure("store", key, e);
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    private void putWhole(String key, Path content, long size) {
        // If-None-Match makes "the key must be new" hold even against a writer that raced past exists(), on
        // servers that honour it (AWS S3, MinIO); S3Proxy 2.6 ignores it, leaving only the exists() check.
        s3.putObject(request -> request.bucket(settings.bucket()).key(key).contentLength(size).ifNoneMatch("*"),
                RequestBody.fromFile(content));
    }

    private void putInParts(String key, Path content, long size) {
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = s3.createMultipartUpload(request -> request.bucket(settings.bucket()).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += part, number++) {
                long length = Math.min(part, size - offset);
                int partNumber = number;
                String etag = s3.uploadPart(request -> request.bucket(settings.bucket()).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength(length),
                        filePart(content, offset, length)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(settings.bucket()).key(key).uploadId(uploadId)
                    .ifNoneMatch("*").multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    /** Streams one range of the file, afresh on each call, so the SDK can retry the part. */
    private static RequestBody filePart(Path file, long offset, long length) {
        return RequestBody.fromContentProvider(() -> {
            try {
                return FileRangeInputStream.open(file, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, length, "application/octet-stream");
    }

    private void abort(String key, String uploadId, RuntimeException cause) {
        // Parts of an unfinished upload are billed and invisible until aborted.
        try {
            s3.abortMultipartUpload(request -> request.bucket(settings.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        ArtifactKey.check(key);
        try {
            return s3.getObject(request -> request.bucket(settings.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw notStored(key);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public long size(String key) throws IOException {
        ArtifactKey.check(key);
        try {
            return head(key).contentLength();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw notStored(key);
            }
            throw failure("inspect", key, e);
        } catch (SdkException e) {
            throw failure("inspect", key, e);
        }
    }

    /** A HEAD of a key that is never written: 404 means the bucket answers; anything else is trouble. */
    @Override
    public Map<String, Object> probe() throws IOException {
        try {
            exists("health/probe");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return Map.of("bucket", settings.bucket());
    }

    @Override
    public boolean exists(String key) {
        ArtifactKey.check(key);
        try {
            head(key);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw new UncheckedIOException(failure("inspect", key, e));
        } catch (SdkException e) {
            throw new UncheckedIOException(failure("inspect", key, e));
        }
    }

    private HeadObjectResponse head(String key) {
        return s3.headObject(request -> request.bucket(settings.bucket()).key(key));
    }

    @Override
    public void delete(String key) {
        ArtifactKey.check(key);
        try {
            s3.deleteObject(request -> request.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw new UncheckedIOException(failure("remove", key, e));
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private FileAlreadyExistsException alreadyStored(String key) {
        return new FileAlreadyExistsException(key, null,
                "an artifact is already stored under this key in " + settings.describe());
    }

    private NoSuchFileException notStored(String key) {
        return new NoSuchFileException(key, null, "no artifact is stored under this key in " + settings.describe());
    }

    private IOException failure(String action, String key, SdkException e) {
        return new IOException("Cannot " + action + " artifact " + key + " in " + settings.describe() + ": "
                + e.getMessage(), e);
    }
}
