package dev.temper.worker;

import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a dataset version's file into matrices per split. Versions registered before the canonical
 * binary format hold a CSV ({@code split,label,f1..fn}, labels as class indices); both are read, so
 * models can still be trained and evaluated on them.
 */
final class DatasetFiles {

    private static final String LEGACY_HEADER = "split,label";

    private DatasetFiles() {
    }

    static Map<Split, SplitRows> readSplits(Path file) throws IOException {
        if (isLegacyCsv(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return readLegacyCsv(in);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return DatasetFile.readSplits(in);
        }
    }

    /** The canonical file's header; null for a version in the old CSV format, which has none. */
    static DatasetHeader header(Path file) throws IOException {
        if (isLegacyCsv(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); DatasetFile.Reader reader = DatasetFile.reader(in)) {
            return reader.header();
        }
    }

    private static boolean isLegacyCsv(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(LEGACY_HEADER.length());
            return new String(start, StandardCharsets.US_ASCII).equals(LEGACY_HEADER);
        }
    }

    private static Map<Split, SplitRows> readLegacyCsv(BufferedReader in) throws IOException {
        in.readLine();
        Map<Split, List<float[]>> features = new EnumMap<>(Split.class);
        Map<Split, List<Integer>> labels = new EnumMap<>(Split.class);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cells = line.split(",", -1);
            Split split = Split.valueOf(cells[0].toUpperCase(Locale.ROOT));
            float[] row = new float[cells.length - 2];
            for (int i = 0; i < row.length; i++) {
                row[i] = Float.parseFloat(cells[i + 2]);
            }
            features.computeIfAbsent(split, s -> new ArrayList<>()).add(row);
            labels.computeIfAbsent(split, s -> new ArrayList<>()).add(Integer.parseInt(cells[1]));
        }
        Map<Split, SplitRows> rows = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            rows.put(split, new SplitRows(features.getOrDefault(split, List.of()).toArray(new float[0][]),
                    labels.getOrDefault(split, List.of()).stream().mapToInt(Integer::intValue).toArray()));
        }
        return rows;
    }
}
