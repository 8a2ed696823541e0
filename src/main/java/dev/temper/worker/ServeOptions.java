package dev.temper.worker;

import dev.temper.contract.ServeProtocol;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The serving process's arguments ({@link ServeProtocol#arguments}), each one required. */
record ServeOptions(Path modelZip, String sha256, long modelVersionId, int port) {

    static ServeOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(0, equals + 1), arg.substring(equals + 1));
            }
        }
        int port = Integer.parseInt(required(values, ServeProtocol.PORT_OPTION));
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(ServeProtocol.PORT_OPTION + port + " is not a port");
        }
        return new ServeOptions(Path.of(required(values, ServeProtocol.MODEL_ZIP_OPTION)),
                required(values, ServeProtocol.SHA256_OPTION),
                Long.parseLong(required(values, ServeProtocol.MODEL_VERSION_ID_OPTION)), port);
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("serve needs " + option + "...");
        }
        return value;
    }
}
