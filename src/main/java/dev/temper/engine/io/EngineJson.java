package dev.temper.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the engine and of the code built on it (the API contract, the worker), which
 * cannot see the server's {@code base.Json}. The modules found on the class path (java.time for log lines'
 * timestamps) change nothing for the engine's records, so the bytes of model manifests and dataset file
 * headers, which are hashed, are those of a bare mapper.
 */
public final class EngineJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private EngineJson() {
    }

    /** Shared and already configured: use it as it is. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
