package dev.temper.engine.training;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.strategy.TrainingStrategy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One run from its start (fresh weights, a base model's weights or a checkpoint) to the exported model:
 * standardizes the data, trains, checkpoints every epoch when asked to, and exports.
 */
final class TrainingRun {

    private TrainingRun() {
    }

    /**
     * Where a fresh run starts: the layout and standardization of the model to train, its first weights,
     * and the content hash of the base model when fine-tuning (null when pre-training).
     */
    record StartingPoint(NetworkLayout layout, Standardization standardization, Map<String, float[]> weights,
                         String parentSha256) {
    }

    /** A run that starts from the given weights. */
    static ExportedModel start(StartingPoint start, TrainingRequest request) {
        TrainingStrategy strategy = request.strategy();
        strategy.checkFits(start.layout());
        checkEarlyStopping(strategy, request.validation());
        ModelManifest description = describe(start.layout(), request.train().classNames(), start.standardization(),
                strategy, start.parentSha256());
        CheckpointStore.Header header = new CheckpointStore.Header(description, strategy,
                fingerprint(request.train()));
        return run(header, TrainingProgress.fresh(start.weights()), request.train(), request.validation(),
                request.listener(), request.exportDir(), request.checkpointDir());
    }

    /** Continues the run whose latest checkpoint lies in checkpointDir, on the same data. */
    static ExportedModel resume(Path checkpointDir, TabularData train, TabularData validation,
                                TrainingListener listener, Path exportDir) {
        CheckpointStore.Checkpoint checkpoint = new CheckpointStore(checkpointDir).load();
        CheckpointStore.Header header = checkpoint.header();
        if (header.dataFingerprint() != fingerprint(train)) {
            throw new IllegalArgumentException("train is not the data the checkpointed run was trained on");
        }
        return run(header, checkpoint.progress(), train, validation, listener, exportDir, checkpointDir);
    }

    private static ExportedModel run(CheckpointStore.Header header, TrainingProgress progress, TabularData train,
                                     TabularData validation, TrainingListener listener, Path exportDir,
                                     Path checkpointDir) {
        NetworkLayout layout = header.model().networkLayout();
        Standardization standardization = header.model().standardization();
        TrainingLoop.Checkpoints checkpoints = checkpointDir == null ? TrainingLoop.Checkpoints.NONE
                : state -> new CheckpointStore(checkpointDir).save(header, state);
        Map<String, float[]> trained = new TrainingLoop(layout, header.strategy(), listener).train(progress,
                checkpoints, standardization.apply(train.features()), train.labels(),
                standardization.apply(validation.features()), validation.labels());
        return ModelExporter.export(layout, header.model().classNames(), trained, standardization,
                header.strategy(), header.model().parentSha256(), exportDir);
    }

    private static ModelManifest describe(NetworkLayout layout, List<String> classNames,
                                          Standardization standardization, TrainingStrategy strategy,
                                          String parentSha256) {
        return ModelManifest.describe(layout, classNames, standardization, strategy.frozenLayers(),
                strategy.fgsmEpsilon(), parentSha256, ModelExporter.SIGNATURE, ModelGraph.INPUT, ModelGraph.OUTPUT);
    }

    private static void checkEarlyStopping(TrainingStrategy strategy, TabularData validation) {
        if (strategy.earlyStopping().enabled() && validation.size() == 0) {
            throw new IllegalArgumentException("earlyStopping needs a non-empty validation set");
        }
    }

    /** Cheap identity of a data set, to refuse resuming a run on other data. */
    static long fingerprint(TabularData data) {
        return 31L * Arrays.deepHashCode(data.features()) + Arrays.hashCode(data.labels());
    }
}
