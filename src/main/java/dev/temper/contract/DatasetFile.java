package dev.temper.contract;

import dev.temper.engine.io.EngineJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The canonical file of a dataset version. The server writes it once, after validation, in one pass;
 * its SHA-256 is the version's identity, so it must be byte-for-byte reproducible from the same samples:
 *
 * <pre>
 * "TEMPERDS" (8 ASCII bytes), int format version (1)
 * int n, n bytes of UTF-8 JSON: the {@link DatasetHeader}
 * per sample: byte split code, int label, short id length (-1 = no id), id bytes (UTF-8),
 *             values: valueCount bytes (uint8) or valueCount big-endian floats
 * </pre>
 *
 * Samples are streamed both ways; neither side holds the whole dataset.
 */
public final class DatasetFile {

    public static final String MEDIA_TYPE = "application/vnd.temper.dataset";
    private static final byte[] MAGIC = "TEMPERDS".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private DatasetFile() {
    }

    public static Writer writer(OutputStream out, DatasetHeader header) throws IOException {
        return new Writer(out, header);
    }

    public static Reader reader(InputStream in) throws IOException {
        return new Reader(in);
    }

    /** The bytes a sample's values are stored as; equal bytes mean an exact duplicate. */
    public static byte[] encodeValues(DatasetHeader header, float[] values) {
        if (values.length != header.valueCount()) {
            throw new IllegalArgumentException("A sample needs " + header.valueCount() + " values, not " + values.length);
        }
        if (header.uint8()) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) Math.round(Math.max(0f, Math.min(1f, values[i])) * 255f);
            }
            return bytes;
        }
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** SHA-256 of a sample's stored values (not its label or id), in hex: the key for duplicate checks. */
    public static String sampleHash(DatasetHeader header, float[] values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(encodeValues(header, values)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Reads a whole file into feature matrices per split, as workers need it for training. */
    public static Map<Split, SplitRows> readSplits(InputStream in) throws IOException {
        try (Reader reader = reader(in)) {
            Map<Split, List<Sample>> bySplit = new EnumMap<>(Split.class);
            while (reader.hasNext()) {
                Sample sample = reader.next();
                bySplit.computeIfAbsent(sample.split(), s -> new ArrayList<>()).add(sample);
            }
            Map<Split, SplitRows> rows = new EnumMap<>(Split.class);
            for (Split split : Split.values()) {
                List<Sample> samples = bySplit.getOrDefault(split, List.of());
                float[][] features = new float[samples.size()][];
                int[] labels = new int[samples.size()];
                for (int i = 0; i < samples.size(); i++) {
                    features[i] = samples.get(i).values();
                    labels[i] = samples.get(i).label();
                }
                rows.put(split, new SplitRows(features, labels));
            }
            return rows;
        }
    }

    /** One split's samples as matrices. */
    public record SplitRows(float[][] features, int[] labels) {

        public int size() {
            return labels.length;
        }
    }

    /** Writes the header, then exactly {@code header.sampleCount()} samples. */
    public static final class Writer implements Closeable {

        private final DataOutputStream out;
        private final DatasetHeader header;
        private int written;

        private Writer(OutputStream target, DatasetHeader header) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
            this.header = header;
            byte[] json = EngineJson.mapper().writeValueAsBytes(header);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(json.length);
            out.write(json);
        }

        public void write(Sample sample) throws IOException {
            if (written == header.sampleCount()) {
                throw new IllegalStateException("The header announced " + header.sampleCount() + " samples");
            }
            if (sample.label() < 0 || sample.label() >= header.classCount()) {
                throw new IllegalArgumentException("Label " + sample.label() + " is not a class index");
            }
            out.writeByte(sample.split().code());
            out.writeInt(sample.label());
            if (sample.id() == null) {
                out.writeShort(-1);
            } else {
                byte[] id = sample.id().getBytes(StandardCharsets.UTF_8);
                if (id.length > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("A sample id is longer than " + Short.MAX_VALUE + " bytes");
                }
                out.writeShort(id.length);
                out.write(id);
            }
            out.write(encodeValues(header, sample.values()));
            written++;
        }

        @Override
        public void close() throws IOException {
            out.close();
            if (written != header.sampleCount()) {
                throw new IllegalStateException("Wrote " + written + " samples, the header announced "
                        + header.sampleCount());
            }
        }
    }

    /** Streams samples in file order. */
    public static final class Reader implements Closeable {

        private final DataInputStream in;
        private final DatasetHeader header;
        private final byte[] valueBytes;
        private int read;

        private Reader(InputStream source) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("Not a canonical dataset file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("Unknown dataset file format version " + version);
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            this.header = EngineJson.mapper().readValue(json, DatasetHeader.class);
            this.valueBytes = new byte[header.valueCount() * (header.uint8() ? 1 : Float.BYTES)];
        }

        public DatasetHeader header() {
            return header;
        }

        public boolean hasNext() {
            return read < header.sampleCount();
        }

        public Sample next() throws IOException {
            if (!hasNext()) {
                throw new NoSuchElementException("All " + header.sampleCount() + " samples were read");
            }
            try {
                Split split = Split.ofCode(in.readByte());
                int label = in.readInt();
                short idLength = in.readShort();
                String id = null;
                if (idLength >= 0) {
                    byte[] idBytes = new byte[idLength];
                    in.readFully(idBytes);
                    id = new String(idBytes, StandardCharsets.UTF_8);
                }
                in.readFully(valueBytes);
                read++;
                return new Sample(split, label, id, decode());
            } catch (EOFException e) {
                throw new IOException("The dataset file ends after " + read + " of " + header.sampleCount()
                        + " samples", e);
            }
        }

        private float[] decode() {
            float[] values = new float[header.valueCount()];
            if (header.uint8()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (valueBytes[i] & 0xff) / 255f;
                }
            } else {
                ByteBuffer buffer = ByteBuffer.wrap(valueBytes);
                for (int i = 0; i < values.length; i++) {
                    values[i] = buffer.getFloat();
                }
            }
            return values;
        }

        /** Calls the visitor for every remaining sample. */
        public void forEachRemaining(SampleVisitor visitor) throws IOException {
            while (hasNext()) {
                int index = read;
                visitor.visit(index, next());
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Receives samples with their position in the file. */
    @FunctionalInterface
    public interface SampleVisitor {
        void visit(int index, Sample sample) throws IOException;
    }
}
