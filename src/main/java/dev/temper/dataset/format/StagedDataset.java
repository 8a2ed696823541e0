package dev.temper.dataset.format;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A validated upload waiting for its splits: the header (splits still {@code SplitPlan.DEFAULT}), labels
 * and hashes in memory, values in a spool file under the work folder that {@link #close()} deletes.
 */
public final class StagedDataset implements Closeable {

    private final DatasetHeader header;
    private final int[] labels;
    private final String[] sampleHashes;
    private final Path spoolFile;
    private boolean closed;

    StagedDataset(DatasetHeader header, int[] labels, String[] sampleHashes, Path spoolFile) {
        this.header = header;
        this.labels = labels;
        this.sampleHashes = sampleHashes;
        this.spoolFile = spoolFile;
    }

    /** Kind, shape, feature and class names, uint8; splits is the placeholder {@code SplitPlan.DEFAULT}. */
    public DatasetHeader header() {
        return header;
    }

    /** The class index of every sample, in upload order. */
    public int[] labels() {
        return labels.clone();
    }

    /** {@link DatasetFile#sampleHash} of every sample, in upload order. */
    public String[] sampleHashes() {
        return sampleHashes.clone();
    }

    /**
     * Streams the samples in upload order, each with split {@link Split#TRAIN} as a placeholder and values
     * as the canonical file will hold them (pixels already quantised to bytes).
     */
    public void forEach(DatasetFile.SampleVisitor visitor) throws IOException {
        if (closed) {
            throw new IllegalStateException("The staged dataset was closed");
        }
        int valueBytes = header.valueCount() * (header.uint8() ? 1 : Float.BYTES);
        try (SampleSpool.Reader reader = SampleSpool.reader(spoolFile, valueBytes)) {
            for (int index = 0; index < labels.length; index++) {
                String id = reader.next();
                visitor.visit(index, new Sample(Split.TRAIN, labels[index], id, decode(reader.values())));
            }
        }
    }

    private float[] decode(byte[] bytes) {
        float[] values = new float[header.valueCount()];
        if (header.uint8()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (bytes[i] & 0xff) / 255f;
            }
        } else {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            for (int i = 0; i < values.length; i++) {
                values[i] = buffer.getFloat();
            }
        }
        return values;
    }

    /** Deletes the spool file. */
    @Override
    public void close() {
        closed = true;
        try {
            Files.deleteIfExists(spoolFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the staging file " + spoolFile, e);
        }
    }
}
