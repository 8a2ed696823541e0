package dev.temper.engine.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named float arrays in a small binary file (name, length, values), exact to the bit. */
final class FloatMapFile {

    private FloatMapFile() {
    }

    static void write(Path file, Map<String, float[]> values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(values.size());
            for (Map.Entry<String, float[]> entry : values.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                for (float value : entry.getValue()) {
                    out.writeFloat(value);
                }
            }
        }
    }

    static Map<String, float[]> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            Map<String, float[]> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                float[] array = new float[in.readInt()];
                for (int j = 0; j < array.length; j++) {
                    array[j] = in.readFloat();
                }
                values.put(name, array);
            }
            return values;
        }
    }
}
