package dev.temper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link ArtifactStore} promises; each subclass runs it against one kind of store. */
abstract class ArtifactStoreContractTest {

    static final int LARGE_FILE_BYTES = 50 * 1024 * 1024;

    @TempDir
    Path files;

    /** An empty store, fresh for each test. */
    abstract ArtifactStore store();

    @Test
    void aLargeFileComesBackByteForByte() throws IOException {
        Path dataset = randomFile("large.tds", LARGE_FILE_BYTES, 1);
        String key = "datasets/team-a/large.tds";

        long start = System.nanoTime();
        store().put(key, dataset);
        long stored = System.nanoTime();
        String readBack;
        try (InputStream in = store().open(key)) {
            readBack = sha256(in);
        }
        long read = System.nanoTime();

        assertThat(readBack).isEqualTo(sha256(dataset));
        assertThat(store().size(key)).isEqualTo(LARGE_FILE_BYTES);
        System.out.printf("%s: put %d MiB in %d ms, read it back in %d ms%n", getClass().getSimpleName(),
                LARGE_FILE_BYTES >> 20, (stored - start) / 1_000_000, (read - stored) / 1_000_000);
    }

    @Test
    void aKeyIsWrittenOnlyOnce() throws IOException {
        Path first = randomFile("first.zip", 4096, 2);
        Path second = randomFile("second.zip", 2048, 3);
        String key = "models/team-a/model.zip";
        store().put(key, first);

        assertThatThrownBy(() -> store().put(key, second))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("already stored");
        assertThat(contentSha256(key)).isEqualTo(sha256(first));
    }

    @Test
    void existsAndSizeFollowPutAndDelete() throws IOException {
        String key = "models/team-a/checkpoint.zip";
        assertThat(store().exists(key)).isFalse();

        store().put(key, randomFile("checkpoint.zip", 123_457, 4));
        assertThat(store().exists(key)).isTrue();
        assertThat(store().size(key)).isEqualTo(123_457);

        store().delete(key);
        assertThat(store().exists(key)).isFalse();
    }

    @Test
    void aRolledBackKeyCanBeWrittenAgain() throws IOException {
        String key = "datasets/team-a/retry.csv";
        store().put(key, randomFile("attempt1.csv", 1000, 5));
        store().delete(key);

        Path retry = randomFile("attempt2.csv", 1500, 6);
        store().put(key, retry);

        assertThat(contentSha256(key)).isEqualTo(sha256(retry));
    }

    @Test
    void deletingAMissingArtifactIsNotAnError() {
        store().delete("models/team-a/never-written.zip");

        assertThat(store().exists("models/team-a/never-written.zip")).isFalse();
    }

    @Test
    void anEmptyFileIsStoredToo() throws IOException {
        store().put("logs/team-a/empty.log", randomFile("empty.log", 0, 7));

        assertThat(store().size("logs/team-a/empty.log")).isZero();
        try (InputStream in = store().open("logs/team-a/empty.log")) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void keysThatShareAPrefixAreDistinct() throws IOException {
        Path version = randomFile("v1", 100, 8);
        Path backup = randomFile("v1.backup", 200, 9);
        store().put("datasets/t/v1", version);
        store().put("datasets/t/v1.backup", backup);

        assertThat(contentSha256("datasets/t/v1")).isEqualTo(sha256(version));
        assertThat(contentSha256("datasets/t/v1.backup")).isEqualTo(sha256(backup));
    }

    @Test
    void aMissingArtifactIsReportedByItsKey() {
        String key = "datasets/team-a/missing.csv";

        assertThatThrownBy(() -> store().open(key))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("no artifact is stored");
        assertThatThrownBy(() -> store().size(key))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.csv", "datasets/../../outside.csv", "/etc/passwd", "datasets//x.csv",
            "./x.csv", "datasets/", "datasets\\..\\..\\x.csv", ""})
    void keysThatCouldEscapeTheStoreAreRefused(String key) throws IOException {
        Path content = randomFile("content.csv", 10, 10);

        assertThatThrownBy(() -> store().put(key, content)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().size(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Incompressible bytes, like the pixels and floats of a real dataset; the seed makes each file distinct. */
    Path randomFile(String name, long bytes, long seed) throws IOException {
        Path file = files.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    String contentSha256(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            return sha256(in);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
