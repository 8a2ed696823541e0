package dev.temper.dataset.format;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.SplitPlan;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stages a CSV: a header row, then one sample per non-blank line. Every column but the label and the
 * optional id column is a numeric feature; an empty cell or NA, NaN, null, ? is a missing value (NaN).
 */
final class CsvImporter {

    private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "?");
    private static final Set<String> INFINITE = Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");
    /** Plain decimal notation only: Java would also accept "1f", "0x1p3" or "Infinity". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_ID_BYTES = Short.MAX_VALUE;

    private final String labelColumn;
    private final String idColumn;

    CsvImporter(String labelColumn, String idColumn) {
        this.labelColumn = labelColumn;
        this.idColumn = idColumn;
    }

    StagedDataset stage(Path csv, Path workDir) throws InvalidUploadException, IOException {
        try (Utf8Lines lines = new Utf8Lines(new BufferedInputStream(Files.newInputStream(csv), 1 << 16))) {
            Columns columns = readHeader(lines);
            DatasetHeader template = new DatasetHeader(DataKind.TABULAR, List.of(columns.featureNames().size()),
                    columns.featureNames(), List.of(), false, SplitPlan.DEFAULT, 0);
            StagingSink sink = StagingSink.create(workDir);
            try {
                readRows(lines, columns, template, sink);
                return sink.finish(template);
            } catch (Throwable e) {
                sink.discard(e);
                throw e;
            }
        }
    }

    private Columns readHeader(Utf8Lines lines) throws IOException, InvalidUploadException {
        String line = lines.next();
        while (line != null && line.isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            throw new InvalidUploadException("The file is empty; a CSV upload needs a header row and data rows.");
        }
        List<String> names = CsvLineSplitter.split(line, lines.lineNumber()).stream().map(String::strip).toList();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                throw new InvalidUploadException("Line " + lines.lineNumber() + " (the header): column " + (i + 1)
                        + " has no name.");
            }
            Integer earlier = positions.putIfAbsent(names.get(i), i);
            if (earlier != null) {
                throw new InvalidUploadException("Line " + lines.lineNumber() + " (the header) names column '"
                        + names.get(i) + "' twice (columns " + (earlier + 1) + " and " + (i + 1)
                        + "); column names must be unique.");
            }
        }
        int labelIndex = positions.getOrDefault(labelColumn, -1);
        if (labelIndex < 0) {
            throw new InvalidUploadException("The header has no label column '" + labelColumn
                    + "'; its columns are: " + String.join(", ", names) + ".");
        }
        int idIndex = -1;
        if (idColumn != null) {
            idIndex = positions.getOrDefault(idColumn, -1);
            if (idIndex < 0) {
                throw new InvalidUploadException("The header has no id column '" + idColumn
                        + "'; its columns are: " + String.join(", ", names) + ".");
            }
            if (idIndex == labelIndex) {
                throw new InvalidUploadException("Column '" + idColumn
                        + "' cannot be both the label column and the id column.");
            }
        }
        List<String> featureNames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i != labelIndex && i != idIndex) {
                featureNames.add(names.get(i));
            }
        }
        if (featureNames.isEmpty()) {
            throw new InvalidUploadException("The header has no feature columns: besides the label column '"
                    + labelColumn + "'" + (idColumn == null ? "" : " and the id column '" + idColumn + "'")
                    + " there must be at least one numeric column.");
        }
        return new Columns(names, labelIndex, idIndex, List.copyOf(featureNames));
    }

    private void readRows(Utf8Lines lines, Columns columns, DatasetHeader template, StagingSink sink)
            throws IOException, InvalidUploadException {
        float[] values = new float[columns.featureNames().size()];
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = lines.lineNumber();
            List<String> cells = CsvLineSplitter.split(line, lineNumber);
            if (cells.size() != columns.names().size()) {
                throw new InvalidUploadException("Line " + lineNumber + " has " + cells.size()
                        + " cells, the header has " + columns.names().size() + ".");
            }
            int next = 0;
            for (int column = 0; column < cells.size(); column++) {
                if (column != columns.labelIndex() && column != columns.idIndex()) {
                    values[next++] = parseFeature(cells.get(column).strip(), lineNumber, columns.names().get(column));
                }
            }
            String label = cells.get(columns.labelIndex()).strip();
            if (label.isEmpty()) {
                throw new InvalidUploadException("Line " + lineNumber + " has no value in the label column '"
                        + labelColumn + "'.");
            }
            sink.add(label, sampleId(cells, columns.idIndex(), lineNumber), DatasetFile.encodeValues(template, values));
            if (sink.classCount() > StagingSink.MAX_CLASSES) {
                throw new InvalidUploadException("Line " + lineNumber + ": the label column '" + labelColumn
                        + "' has more than " + StagingSink.MAX_CLASSES
                        + " distinct values; is it really the class of each row?");
            }
        }
        if (sink.sampleCount() == 0) {
            throw new InvalidUploadException("The file has a header row but no data rows.");
        }
    }

    private static float parseFeature(String cell, int lineNumber, String column) throws InvalidUploadException {
        String lower = cell.toLowerCase(Locale.ROOT);
        if (MISSING.contains(lower)) {
            return Float.NaN;
        }
        if (INFINITE.contains(lower)) {
            throw new InvalidUploadException(where(lineNumber, column) + "'" + cell
                    + "' is infinite; only finite numbers (or an empty cell for a missing value) are allowed.");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new InvalidUploadException(where(lineNumber, column) + "'" + shorten(cell) + "' is not a number.");
        }
        float value = Float.parseFloat(cell);
        if (Float.isInfinite(value)) {
            throw new InvalidUploadException(where(lineNumber, column) + "'" + shorten(cell)
                    + "' is too large for a 32-bit float; only finite numbers are allowed.");
        }
        return value;
    }

    private static String sampleId(List<String> cells, int idIndex, int lineNumber) throws InvalidUploadException {
        if (idIndex < 0) {
            return null;
        }
        String id = cells.get(idIndex).strip();
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() * 3 > MAX_ID_BYTES && id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new InvalidUploadException("Line " + lineNumber + ": the id is longer than " + MAX_ID_BYTES
                    + " bytes.");
        }
        return id;
    }

    private static String where(int lineNumber, String column) {
        return "Line " + lineNumber + ", column '" + column + "': ";
    }

    private static String shorten(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "...";
    }

    /** The header's column names and which of them are the label and the id (-1: none). */
    private record Columns(List<String> names, int labelIndex, int idIndex, List<String> featureNames) {
    }
}
