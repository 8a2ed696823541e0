package dev.temper.engine.model;

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Session;

/** Reads an exported model's weights by variable name, restoring its checkpoint into a fresh graph. */
public final class SavedWeights {

    private SavedWeights() {
    }

    public static Map<String, float[]> read(Path modelDir, NetworkLayout layout) {
        TensorFlowRuntime.engine();
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            session.restore(checkpointPrefix(modelDir));
            return model.read(session);
        }
    }

    public static String checkpointPrefix(Path modelDir) {
        return modelDir.resolve("variables").resolve("variables").toString();
    }
}
