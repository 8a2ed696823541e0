package dev.temper.engine.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per example, whether it was classified correctly clean and whether it survived each attack at each
 * epsilon, as bitsets over the evaluated examples (bit i = example i in the order evaluated). Kept so that
 * two models can later be compared pairwise (McNemar) and the worst case recomputed.
 *
 * <p>Binary form (big-endian): "TPEX", int version 1, int n, clean bitset, int attack count, then per attack
 * its UTF name, int epsilon count, per epsilon a double and a bitset. A bitset is int byte length + bytes of
 * {@link BitSet#toByteArray()}.
 *
 * @param examples  number of evaluated examples
 * @param clean     correct on the clean input
 * @param survived  attack name (including {@link #WORST_CASE}) to epsilon to "correct clean and not fooled"
 */
public record PerExampleOutcomes(int examples, BitSet clean, SortedMap<String, SortedMap<Double, BitSet>> survived) {

    public static final String WORST_CASE = "worst-case";
    private static final int MAGIC = 0x54504558;
    private static final int VERSION = 1;

    public PerExampleOutcomes {
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be >= 0");
        }
        clean = (BitSet) clean.clone();
        SortedMap<String, SortedMap<Double, BitSet>> copy = new TreeMap<>();
        survived.forEach((attack, byEpsilon) -> {
            SortedMap<Double, BitSet> inner = new TreeMap<>();
            byEpsilon.forEach((epsilon, bits) -> inner.put(epsilon, (BitSet) bits.clone()));
            copy.put(attack, Collections.unmodifiableSortedMap(inner));
        });
        survived = Collections.unmodifiableSortedMap(copy);
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
            return new PerExampleOutcomes(examples, clean, survived);
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
