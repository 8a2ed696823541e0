package dev.temper.engine.training;

import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.strategy.FreezePlan;
import dev.temper.engine.strategy.TrainingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

/**
 * Writes weights as a SavedModel that DJL can serve: a fresh inference-only graph (no optimizer state)
 * with the "serving_default" signature that DJL's TensorFlow engine looks up, plus manifest.json.
 */
final class ModelExporter {

    static final String SIGNATURE = Signature.DEFAULT_KEY;
    private static final String PREDICT_METHOD = "tensorflow/serving/predict";

    private ModelExporter() {
    }

    static ExportedModel export(NetworkLayout layout, List<String> classNames, Map<String, float[]> weights,
                                Standardization standardization, TrainingStrategy strategy, String parentSha256,
                                Path exportDir) {
        prepareEmptyDirectory(exportDir);
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            model.assign(session, weights);
            Signature signature = Signature.builder().key(SIGNATURE).methodName(PREDICT_METHOD)
                    .input(ModelGraph.INPUT, model.features()).output(ModelGraph.OUTPUT, model.logits()).build();
            SavedModelBundle.exporter(exportDir.toString())
                    .withFunction(SessionFunction.create(signature, session))
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the model to " + exportDir, e);
        }
        ModelManifest manifest = ModelManifest.describe(layout, classNames, standardization,
                new FreezePlan(strategy.freeze(), layout).frozenAtStartCount(),
                strategy.fgsm() ? strategy.fgsmEpsilon() : 0.0, parentSha256, SIGNATURE, ModelGraph.INPUT,
                ModelGraph.OUTPUT);
        manifest.write(exportDir);
        return new ExportedModel(exportDir, manifest, ContentHash.of(exportDir));
    }

    /** Stale files from an earlier export would silently change the content hash: refuse them. */
    private static void prepareEmptyDirectory(Path exportDir) {
        try {
            if (Files.isDirectory(exportDir)) {
                try (Stream<Path> entries = Files.list(exportDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("exportDir must be empty: " + exportDir);
                    }
                }
            }
            Files.createDirectories(exportDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + exportDir, e);
        }
    }
}
