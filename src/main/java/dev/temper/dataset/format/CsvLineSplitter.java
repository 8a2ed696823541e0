package dev.temper.dataset.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells: comma separated, RFC 4180 double quotes ({@code "a,b"}, {@code ""} for a
 * quote). A quoted field must close on the same line: rows with line breaks inside a cell are refused.
 */
final class CsvLineSplitter {

    private CsvLineSplitter() {
    }

    static List<String> split(String line, int lineNumber) throws InvalidUploadException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (true) {
            cell.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i = readQuoted(line, i + 1, cell, lineNumber, cells.size() + 1);
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    cell.append(line.charAt(i++));
                }
            }
            cells.add(cell.toString());
            if (i >= line.length()) {
                return cells;
            }
            i++; // the comma
        }
    }

    /** Reads a quoted field's content from just after its opening quote; returns the index after it. */
    private static int readQuoted(String line, int start, StringBuilder cell, int lineNumber, int cellNumber)
            throws InvalidUploadException {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c != '"') {
                cell.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                cell.append('"');
                i++;
            } else {
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new InvalidUploadException("Line " + lineNumber + ", cell " + cellNumber
                            + ": text follows the closing quote of a quoted field; write a quote inside a quoted"
                            + " field as two quotes (\"\").");
                }
                return i;
            }
        }
        throw new InvalidUploadException("Line " + lineNumber + ", cell " + cellNumber
                + ": a quoted field does not end on its line; cells with line breaks are not supported.");
    }
}
