package dev.temper.engine.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per example, whether it was classified correctly clean and whether it survived each attack at each
 * epsilon, as bitsets over the evaluated examples (bit i = example i in the order evaluated). Kept so that
 * two models can later be compared pairwise (McNemar) and the worst case recomputed.
 *
 * <p>Binary form (big-endian): "TPEX", int version 1, int n, n ints of positions, clean bitset, int attack
 * count, then per attack its UTF name, int epsilon count, per epsilon a double and a bitset. A bitset is int
 * byte length + bytes of {@link BitSet#toByteArray()}.
 *
 * @param examples  number of evaluated examples
 * @param positions per evaluated example, where it sits in the test set it was drawn from (ascending, distinct);
 *                  the worker maps these onto the dataset version's test split
 * @param clean     correct on the clean input
 * @param survived  attack name (including {@link #WORST_CASE}) to epsilon to "correct clean and not fooled"
 */
public record PerExampleOutcomes(int examples, int[] positions, BitSet clean,
                                 SortedMap<String, SortedMap<Double, BitSet>> survived) {

    public static final String WORST_CASE = "worst-case";
    private static final int MAGIC = 0x54504558;
    private static final int VERSION = 1;

    public PerExampleOutcomes {
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be >= 0");
        }
        if (positions.length != examples) {
            throw new IllegalArgumentException(positions.length + " positions for " + examples + " examples");
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || (i > 0 && positions[i] <= positions[i - 1])) {
                throw new IllegalArgumentException("positions must be ascending, distinct and >= 0; position " + i
                        + " is " + positions[i]);
            }
        }
        positions = positions.clone();
        clean = (BitSet) clean.clone();
        SortedMap<String, SortedMap<Double, BitSet>> copy = new TreeMap<>();
        survived.forEach((attack, byEpsilon) -> {
            SortedMap<Double, BitSet> inner = new TreeMap<>();
            byEpsilon.forEach((epsilon, bits) -> inner.put(epsilon, (BitSet) bits.clone()));
            copy.put(attack, Collections.unmodifiableSortedMap(inner));
        });
        survived = Collections.unmodifiableSortedMap(copy);
    }

    /** The same outcomes with each example's position translated through {@code map} (position -> new position). */
    public PerExampleOutcomes withPositions(int[] map) {
        int[] translated = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            translated[i] = map[positions[i]];
        }
        return new PerExampleOutcomes(examples, translated, clean, survived);
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    /** Value equality, positions compared by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PerExampleOutcomes that && examples == that.examples
                && Arrays.equals(positions, that.positions) && clean.equals(that.clean) && survived.equals(that.survived);
    }

    @Override
    public int hashCode() {
        return Objects.hash(examples, Arrays.hashCode(positions), clean, survived);
    }

    public static BitSet bits(boolean[] values) {
        BitSet bits = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            bits.set(i, values[i]);
        }
        return bits;
    }

    public byte[] encode() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(examples);
            for (int position : positions) {
                out.writeInt(position);
            }
            writeBits(out, clean);
            out.writeInt(survived.size());
            for (Map.Entry<String, SortedMap<Double, BitSet>> attack : survived.entrySet()) {
                out.writeUTF(attack.getKey());
                out.writeInt(attack.getValue().size());
                for (Map.Entry<Double, BitSet> point : attack.getValue().entrySet()) {
                    out.writeDouble(point.getKey());
                    writeBits(out, point.getValue());
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what {@link #encode} wrote; anything else is refused with a reason. */
    public static PerExampleOutcomes decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a per-example outcome file of version " + VERSION);
            }
            int examples = in.readInt();
            if (examples < 0 || examples > encoded.length / Integer.BYTES) {
                throw new IllegalArgumentException("implausible example count " + examples);
            }
            int[] positions = new int[examples];
            for (int i = 0; i < examples; i++) {
                positions[i] = in.readInt();
            }
            BitSet clean = readBits(in, examples);
            int attacks = in.readInt();
            if (attacks < 0 || attacks > 64) {
                throw new IllegalArgumentException("implausible attack count " + attacks);
            }
            SortedMap<String, SortedMap<Double, BitSet>> survived = new TreeMap<>();
            for (int a = 0; a < attacks; a++) {
                String name = in.readUTF();
                int points = in.readInt();
                if (points < 0 || points > 64) {
                    throw new IllegalArgumentException("implausible epsilon count " + points);
                }
                SortedMap<Double, BitSet> byEpsilon = new TreeMap<>();
                for (int p = 0; p < points; p++) {
                    byEpsilon.put(in.readDouble(), readBits(in, examples));
                }
                survived.put(name, byEpsilon);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after the per-example outcomes");
            }
            return new PerExampleOutcomes(examples, positions, clean, survived);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated per-example outcome file", e);
        }
    }

    private static void writeBits(DataOutputStream out, BitSet bits) throws IOException {
        byte[] bytes = bits.toByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static BitSet readBits(DataInputStream in, int examples) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (examples + 7) / 8) {
            throw new IllegalArgumentException("a bitset of " + length + " bytes does not fit " + examples + " examples");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return BitSet.valueOf(bytes);
    }
}
