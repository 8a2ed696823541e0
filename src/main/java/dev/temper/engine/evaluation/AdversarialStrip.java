package dev.temper.engine.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A few test images next to their adversarial versions at one epsilon, with the true label and the served model's
 * predictions on both: what a reviewer looks at to see what "robust accuracy" means for this model. The engine
 * picks the first examples the suite fooled at its largest epsilon and fills up with the first that held.
 *
 * <p>Binary form (big-endian), version 1: "TADV", int version, UTF norm, double epsilon, int height, width,
 * channels, int class count, int example count, then per example int position, UTF attack, int label, int clean
 * prediction, int adversarial prediction, and the clean then the adversarial image as height x width x channels
 * floats (raw pixel intensities). {@link #decode} refuses anything larger than the bounds below.
 *
 * @param norm     LINF or L2, the norm {@code epsilon} is measured in
 * @param examples at most {@link #MAX_EXAMPLES}
 */
public record AdversarialStrip(String norm, double epsilon, int height, int width, int channels, int classCount,
                               List<Example> examples) {

    /** Examples the engine keeps: one row of a page. */
    public static final int SIZE = 8;
    /** The most a strip may hold, whoever made it. */
    public static final int MAX_EXAMPLES = 16;
    /** The largest image kept, in values (64 x 64 RGB); a strip stays below about 1.6 MB. */
    public static final int MAX_VALUES = 64 * 64 * 3;
    public static final int MAX_CLASSES = 10_000;
    public static final int MAX_NAME_LENGTH = 40;
    private static final int MAGIC = 0x54414456;
    private static final int VERSION = 1;

    /**
     * @param position              where the example sits: among the evaluated examples in the engine, in the test
     *                              split once the worker has mapped it
     * @param attack                the attack that fooled it, or the suite's last attack when none did
     * @param adversarialPrediction what the served model predicts for {@code adversarial}
     */
    public record Example(int position, String attack, int label, int cleanPrediction, int adversarialPrediction,
                          float[] clean, float[] adversarial) {

        public boolean fooled() {
            return adversarialPrediction != label;
        }

        /** How far the attack moved the image: the largest change of one value (LINF) or the Euclidean length (L2). */
        public double distance(String norm) {
            double linf = 0;
            double squares = 0;
            for (int j = 0; j < Math.min(clean.length, adversarial.length); j++) {
                double d = (double) adversarial[j] - clean[j];
                linf = Math.max(linf, Math.abs(d));
                squares += d * d;
            }
            return "L2".equals(norm) ? Math.sqrt(squares) : linf;
        }
    }

    public AdversarialStrip {
        examples = List.copyOf(examples);
        if (examples.size() > MAX_EXAMPLES) {
            throw new IllegalArgumentException(examples.size() + " examples; a strip holds at most " + MAX_EXAMPLES);
        }
    }

    public int values() {
        return height * width * channels;
    }

    /** The same strip with positions translated through {@code map} (position i becomes map[i]). */
    public AdversarialStrip withPositions(int[] map) {
        return new AdversarialStrip(norm, epsilon, height, width, channels, classCount, examples.stream()
                .map(e -> new Example(map[e.position()], e.attack(), e.label(), e.cleanPrediction(),
                        e.adversarialPrediction(), e.clean(), e.adversarial())).toList());
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(norm);
            out.writeDouble(epsilon);
            out.writeInt(height);
            out.writeInt(width);
            out.writeInt(channels);
            out.writeInt(classCount);
            out.writeInt(examples.size());
            for (Example e : examples) {
                out.writeInt(e.position());
                out.writeUTF(e.attack());
                out.writeInt(e.label());
                out.writeInt(e.cleanPrediction());
                out.writeInt(e.adversarialPrediction());
                writeImage(out, e.clean(), values());
                writeImage(out, e.adversarial(), values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a strip back, checking only its framing and sizes (the server checks the content).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AdversarialStrip decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an adversarial strip (wrong magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("strip format version " + version + " is not " + VERSION);
            }
            String norm = name(in.readUTF(), "norm");
            double epsilon = in.readDouble();
            int height = in.readInt();
            int width = in.readInt();
            int channels = in.readInt();
            if (height < 1 || width < 1 || channels < 1 || (long) height * width * channels > MAX_VALUES) {
                throw new IllegalArgumentException("image shape " + height + "x" + width + "x" + channels
                        + " is empty or larger than " + MAX_VALUES + " values");
            }
            int classCount = in.readInt();
            if (classCount < 2 || classCount > MAX_CLASSES) {
                throw new IllegalArgumentException("class count " + classCount + " is not between 2 and " + MAX_CLASSES);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_EXAMPLES) {
                throw new IllegalArgumentException(count + " examples; a strip holds at most " + MAX_EXAMPLES);
            }
            int values = height * width * channels;
            List<Example> examples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                examples.add(new Example(in.readInt(), name(in.readUTF(), "attack"), in.readInt(), in.readInt(),
                        in.readInt(), readImage(in, values), readImage(in, values)));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the last example");
            }
            return new AdversarialStrip(norm, epsilon, height, width, channels, classCount, examples);
        } catch (IOException e) {
            throw new IllegalArgumentException("the strip ends early", e);
        }
    }

    private static String name(String value, String what) {
        if (value.isEmpty() || value.length() > MAX_NAME_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + ": printable text of at most " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    private static void writeImage(DataOutputStream out, float[] image, int values) throws IOException {
        if (image.length != values) {
            throw new IllegalArgumentException("an image has " + image.length + " values, the strip's shape " + values);
        }
        for (float value : image) {
            out.writeFloat(value);
        }
    }

    private static float[] readImage(DataInputStream in, int values) throws IOException {
        float[] image = new float[values];
        for (int i = 0; i < values; i++) {
            image[i] = in.readFloat();
        }
        return image;
    }
}
