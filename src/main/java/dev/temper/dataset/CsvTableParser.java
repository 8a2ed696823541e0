package dev.temper.dataset;

import dev.temper.base.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a CSV with a header row: numeric feature columns and one label column (integers or class
 * names). Every problem is reported with its line and column so the user can fix the file.
 */
final class CsvTableParser {

    static final int MAX_CLASSES = 1000;

    private CsvTableParser() {
    }

    static ParsedTable parse(Path file, String labelColumn) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw ProblemException.badRequest("The file is empty; expected a header row and data rows");
            }
            List<String> header = Arrays.stream(headerLine.split(",", -1)).map(String::strip).toList();
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw ProblemException.badRequest("Label column '" + labelColumn + "' is not in the header "
                        + header);
            }
            if (header.size() < 2) {
                throw ProblemException.badRequest("The header needs at least one feature column besides the label");
            }
            List<String> featureNames = new ArrayList<>(header);
            featureNames.remove(labelIndex);
            List<float[]> rows = new ArrayList<>();
            List<String> rawLabels = new ArrayList<>();
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw ProblemException.badRequest("Line " + lineNumber + " has " + cells.length
                            + " values, the header has " + header.size());
                }
                rows.add(features(cells, labelIndex, header, lineNumber));
                String label = cells[labelIndex].strip();
                if (label.isEmpty()) {
                    throw ProblemException.badRequest("Line " + lineNumber + " has no value in label column '"
                            + labelColumn + "'");
                }
                rawLabels.add(label);
            }
            if (rows.isEmpty()) {
                throw ProblemException.badRequest("The file has a header but no data rows");
            }
            return withClassIndices(featureNames, rows, rawLabels);
        }
    }

    private static float[] features(String[] cells, int labelIndex, List<String> header, int lineNumber) {
        float[] values = new float[cells.length - 1];
        int next = 0;
        for (int column = 0; column < cells.length; column++) {
            if (column == labelIndex) {
                continue;
            }
            String cell = cells[column].strip();
            try {
                float value = Float.parseFloat(cell);
                if (!Float.isFinite(value)) {
                    throw new NumberFormatException();
                }
                values[next++] = value;
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("Line " + lineNumber + ", column '" + header.get(column)
                        + "': '" + cell + "' is not a finite number");
            }
        }
        return values;
    }

    private static ParsedTable withClassIndices(List<String> featureNames, List<float[]> rows, List<String> rawLabels) {
        boolean numeric = rawLabels.stream().allMatch(l -> l.matches("-?\\d+"));
        TreeSet<String> distinct = numeric
                ? new TreeSet<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)))
                : new TreeSet<>();
        distinct.addAll(rawLabels);
        if (distinct.size() < 2) {
            throw ProblemException.badRequest("The label column has only one class; classification needs two or more");
        }
        if (distinct.size() > MAX_CLASSES) {
            throw ProblemException.badRequest("The label column has " + distinct.size() + " classes; at most "
                    + MAX_CLASSES + " are supported");
        }
        List<String> classNames = List.copyOf(distinct);
        int[] labels = rawLabels.stream().mapToInt(classNames::indexOf).toArray();
        return new ParsedTable(List.copyOf(featureNames), classNames, rows.toArray(new float[0][]), labels);
    }
}
