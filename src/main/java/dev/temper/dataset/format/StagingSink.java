package dev.temper.dataset.format;

import dev.temper.contract.DatasetHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Where an importer puts validated samples: values go to the spool, label and hash stay in memory. Either
 * {@link #finish} hands the spool to a {@link StagedDataset}, or {@link #discard} deletes it.
 */
final class StagingSink {

    /** Above this the label column is almost surely not a class (an id, a measurement). */
    static final int MAX_CLASSES = 1000;

    private final Path spoolFile;
    private final SampleSpool.Writer spool;
    private final ClassVocabulary vocabulary = new ClassVocabulary();
    private final MessageDigest sha256;
    private final List<String> hashes = new ArrayList<>();
    private int[] labels = new int[1024];
    private int count;

    private StagingSink(Path spoolFile, SampleSpool.Writer spool, MessageDigest sha256) {
        this.spoolFile = spoolFile;
        this.spool = spool;
        this.sha256 = sha256;
    }

    static StagingSink create(Path workDir) throws IOException {
        MessageDigest sha256 = sha256();
        Path spoolFile = Files.createTempFile(workDir, "staged-", ".spool");
        try {
            return new StagingSink(spoolFile, SampleSpool.writer(spoolFile), sha256);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spoolFile);
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Adds one sample. The hash is taken over the same bytes {@code DatasetFile.sampleHash} digests (the
     * encoded values), so it equals that method's result for the values read back.
     */
    void add(String rawLabel, String id, byte[] encodedValues) throws IOException {
        if (count == labels.length) {
            labels = Arrays.copyOf(labels, count * 2);
        }
        labels[count++] = vocabulary.indexOf(rawLabel);
        hashes.add(HexFormat.of().formatHex(sha256.digest(encodedValues)));
        spool.append(id == null ? null : id.getBytes(StandardCharsets.UTF_8), encodedValues);
    }

    int sampleCount() {
        return count;
    }

    int classCount() {
        return vocabulary.size();
    }

    /** Completes the header with the class names and sample count; the spool now belongs to the result. */
    StagedDataset finish(DatasetHeader template) throws IOException {
        spool.close();
        ClassVocabulary.Ordering ordering = vocabulary.order();
        int[] finalLabels = new int[count];
        for (int i = 0; i < count; i++) {
            finalLabels[i] = ordering.finalIndex()[labels[i]];
        }
        DatasetHeader header = template.withClassNames(ordering.classNames()).withSampleCount(count);
        return new StagedDataset(header, finalLabels, hashes.toArray(String[]::new), spoolFile);
    }

    /**
     * Deletes the spool because the upload was refused or could not be read; a failure to delete is added
     * to {@code failure} rather than hiding it.
     */
    void discard(Throwable failure) {
        try {
            spool.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        try {
            Files.deleteIfExists(spoolFile);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
