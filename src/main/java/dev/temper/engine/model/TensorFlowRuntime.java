package dev.temper.engine.model;

import ai.djl.engine.Engine;

/** Loads TensorFlow's native library through DJL once, before any org.tensorflow class is touched. */
public final class TensorFlowRuntime {

    public static final String ENGINE = "TensorFlow";

    private TensorFlowRuntime() {
    }

    /** Returns DJL's TensorFlow engine; DJL loads the native library on first access. */
    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    public static String tensorflowVersion() {
        return engine().getVersion();
    }

    public static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
