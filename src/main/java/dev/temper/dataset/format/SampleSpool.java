package dev.temper.dataset.format;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private file staged samples wait in: per sample a short id length (-1 = no id), the id's UTF-8
 * bytes, then the values exactly as {@code DatasetFile.encodeValues} stores them. Labels live in memory,
 * so the record needs no count up front and the file can be written in one pass.
 */
final class SampleSpool {

    private SampleSpool() {
    }

    static Writer writer(Path file) throws IOException {
        return new Writer(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
    }

    static Reader reader(Path file, int valueBytes) throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)),
                valueBytes);
    }

    /** Appends records. */
    static final class Writer implements Closeable {

        private final DataOutputStream out;

        private Writer(DataOutputStream out) {
            this.out = out;
        }

        void append(byte[] id, byte[] encodedValues) throws IOException {
            if (id == null) {
                out.writeShort(-1);
            } else {
                if (id.length > Short.MAX_VALUE) {
                    throw new IllegalArgumentException("A sample id is longer than " + Short.MAX_VALUE + " bytes");
                }
                out.writeShort(id.length);
                out.write(id);
            }
            out.write(encodedValues);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads records back in the order they were appended. */
    static final class Reader implements Closeable {

        private final DataInputStream in;
        private final byte[] values;

        private Reader(DataInputStream in, int valueBytes) {
            this.in = in;
            this.values = new byte[valueBytes];
        }

        /** The next record's id; its values are then in {@link #values()}. */
        String next() throws IOException {
            short idLength = in.readShort();
            String id = null;
            if (idLength >= 0) {
                byte[] idBytes = new byte[idLength];
                in.readFully(idBytes);
                id = new String(idBytes, StandardCharsets.UTF_8);
            }
            in.readFully(values);
            return id;
        }

        /** The last record's encoded values; overwritten by the next call to {@link #next()}. */
        byte[] values() {
            return values;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
