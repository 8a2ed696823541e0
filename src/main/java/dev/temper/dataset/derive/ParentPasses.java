package dev.temper.dataset.derive;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.dataset.profile.FeatureStatistics;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;

/** Streaming passes over the parent file: reading ones that gather facts, and the final one that writes. */
final class ParentPasses {

    private ParentPasses() {
    }

    static DatasetHeader header(StreamSource parent) throws IOException {
        try (InputStream in = parent.open(); DatasetFile.Reader reader = DatasetFile.reader(in)) {
            return reader.header();
        }
    }

    /** Reads every sample once, in file order. */
    static void read(StreamSource parent, DatasetFile.SampleVisitor visitor) throws IOException {
        try (InputStream in = parent.open(); DatasetFile.Reader reader = DatasetFile.reader(in)) {
            reader.forEachRemaining(visitor);
        }
    }

    /** The train split's feature statistics (with its values kept for medians when asked), in one pass. */
    static FeatureStatistics trainStatistics(StreamSource parent, DatasetHeader header, boolean keepValues)
            throws IOException {
        FeatureStatistics stats = FeatureStatistics.ofTrainSplit(header, keepValues);
        read(parent, (index, sample) -> stats.add(sample.split(), sample.values()));
        return stats;
    }

    /**
     * Streams the parent again and writes what the rewrite emits for each sample under the new header,
     * which must announce exactly as many samples as are emitted. {@code out} is flushed, not closed.
     */
    static void write(StreamSource parent, DatasetHeader header, OutputStream out, Rewrite rewrite)
            throws IOException {
        try (InputStream in = parent.open(); DatasetFile.Reader reader = DatasetFile.reader(in);
                DatasetFile.Writer writer = DatasetFile.writer(new CallerOwnedStream(out), header)) {
            reader.forEachRemaining((index, sample) -> rewrite.apply(index, sample, writer));
        }
    }

    /** Writes every parent sample except the dropped ones, under the parent's header with the new count. */
    static DatasetHeader writeAllBut(StreamSource parent, DatasetHeader header, BitSet dropped, OutputStream out)
            throws IOException {
        DatasetHeader child = header.withSampleCount(header.sampleCount() - dropped.cardinality());
        write(parent, child, out, (index, sample, writer) -> {
            if (!dropped.get(index)) {
                writer.write(sample);
            }
        });
        return child;
    }

    /** Decides what one parent sample becomes: nothing, itself changed, or several samples. */
    @FunctionalInterface
    interface Rewrite {
        void apply(int index, Sample sample, DatasetFile.Writer writer) throws IOException;
    }

    /** The caller opened the target, so the caller closes it; the writer's close only flushes. */
    private static final class CallerOwnedStream extends FilterOutputStream {

        CallerOwnedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
