package dev.temper.dataset.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text file line by line, decoding each line on its own so that a byte that is not UTF-8 is
 * reported on the line it sits on (a Reader decodes ahead and would blame the wrong line). Lines end with
 * LF or CRLF; a byte-order mark at the start is dropped.
 */
final class Utf8Lines implements Closeable {

    /** A longer line means the file is not a CSV with rows, and holding it would cost memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineNumber;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The number of the line last returned, counting from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its line ending, or null at the end of the file. */
    String next() throws IOException, InvalidUploadException {
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAnything) {
                        return null;
                    }
                    break;
                }
            }
            sawAnything = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length == MAX_LINE_BYTES) {
                throw new InvalidUploadException("Line " + (lineNumber + 1) + " is longer than "
                        + MAX_LINE_BYTES + " bytes; is this really a CSV file with one row per line?");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, length * 2));
            }
            line[length++] = b;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private String decode(int length) throws InvalidUploadException {
        try {
            String text = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
            return lineNumber == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidUploadException("The file is not UTF-8 text: line " + lineNumber
                    + " has bytes that are not valid UTF-8. Save the file with UTF-8 encoding and upload it again.");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
