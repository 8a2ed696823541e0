package dev.temper.engine;

import ai.djl.engine.Engine;

/** Loads TensorFlow's native library through DJL once, before any org.tensorflow class is touched. */
final class TensorFlowRuntime {

    static final String ENGINE = "TensorFlow";

    private TensorFlowRuntime() {
    }

    /** Returns DJL's TensorFlow engine; DJL loads the native library on first access. */
    static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    static String tensorflowVersion() {
        return engine().getVersion();
    }

    static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
