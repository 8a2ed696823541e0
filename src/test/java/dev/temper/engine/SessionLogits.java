package dev.temper.engine;

import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.TensorFlowRuntime;
import java.nio.file.Path;
import org.tensorflow.Session;

/** Test helper: logits of an exported model computed by a TF Java session on the restored graph. */
final class SessionLogits {

    private SessionLogits() {
    }

    static float[][] of(Path modelDir, float[][] rawFeatures) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        TensorFlowRuntime.engine();
        try (ModelGraph model = new ModelGraph(manifest.networkLayout()); Session session = new Session(model.graph())) {
            session.restore(SavedWeights.checkpointPrefix(modelDir));
            return new GraphSession(model, session).logits(manifest.standardization().apply(rawFeatures));
        }
    }
}
