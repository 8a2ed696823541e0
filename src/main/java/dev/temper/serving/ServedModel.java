package dev.temper.serving;

import dev.temper.engine.serving.BatchingPredictor;
import java.nio.file.Path;

/** The version a team serves in production, loaded: its predictor, its files and its figures. */
record ServedModel(long modelVersionId, String name, int version, BatchingPredictor predictor, Path directory,
                   ServingStats stats) {

    String label() {
        return name + " v" + version;
    }
}
