package dev.temper.contract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The canonical file of a tabular dataset version: a CSV whose columns are {@code split,label,f1..fn},
 * labels as class indices. The server writes it once after validation; its SHA-256 is the version's
 * identity; workers read it back.
 */
public final class SplitTable {

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    /** One split's rows. */
    public record Rows(List<float[]> features, List<Integer> labels) {

        public int size() {
            return labels.size();
        }

        public float[][] featureMatrix() {
            return features.toArray(new float[0][]);
        }

        public int[] labelArray() {
            return labels.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private SplitTable() {
    }

    public static void writeHeader(BufferedWriter out, List<String> featureNames) throws IOException {
        out.write("split,label," + String.join(",", featureNames));
        out.newLine();
    }

    public static void writeRow(BufferedWriter out, String split, int label, float[] features) throws IOException {
        StringBuilder line = new StringBuilder(split).append(',').append(label);
        for (float value : features) {
            line.append(',').append(String.format(Locale.ROOT, "%s", value));
        }
        out.write(line.toString());
        out.newLine();
    }

    /** Reads all rows, grouped by split name. */
    public static Map<String, Rows> read(BufferedReader in) {
        try {
            String header = in.readLine();
            if (header == null || !header.startsWith("split,label")) {
                throw new IllegalArgumentException("Not a canonical dataset file");
            }
            Map<String, Rows> splits = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                Rows rows = splits.computeIfAbsent(cells[0], s -> new Rows(new ArrayList<>(), new ArrayList<>()));
                rows.labels().add(Integer.parseInt(cells[1]));
                float[] row = new float[cells.length - 2];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Float.parseFloat(cells[i + 2]);
                }
                rows.features().add(row);
            }
            return splits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
