package dev.temper.engine.training;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.model.CnnLayout;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.GlorotInitializer;
import dev.temper.engine.model.MlpArchitecture;
import dev.temper.engine.model.MlpLayout;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.model.TensorFlowRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point for training runs: pre-training from scratch and fine-tuning of an exported base model.
 * Training runs as real TensorFlow graph ops (DJL's TensorFlow engine can only infer); the result is
 * exported as a SavedModel that DJL serves.
 */
public final class Trainer {

    private Trainer() {
    }

    /** Pre-training an MLP from scratch. Standardization mean/std are computed from train and stored in the manifest. */
    public static ExportedModel pretrain(MlpArchitecture arch, TrainingRequest request) {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(request, "request");
        TabularData train = request.train();
        MlpLayout layout = new MlpLayout(train.featureCount(), arch.hiddenWidths(), train.classCount());
        return pretrain(layout, Standardization.fit(train), request);
    }

    /**
     * Pre-training a CNN from scratch on images given as flat HWC rows in [0, 1]. Pixels are used as they
     * are (identity standardization), so adversarial epsilons and clipping work in pixel units.
     */
    public static ExportedModel pretrain(CnnArchitecture arch, TrainingRequest request) {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(request, "request");
        TabularData train = request.train();
        if (train.featureCount() != arch.inputDim()) {
            throw new IllegalArgumentException("train rows have " + train.featureCount() + " values but a "
                    + arch.height() + "x" + arch.width() + "x" + arch.channels() + " image has " + arch.inputDim());
        }
        CnnLayout layout = new CnnLayout(arch.height(), arch.width(), arch.channels(), arch.convFilters(),
                arch.denseWidths(), train.classCount());
        return pretrain(layout, Standardization.identity(layout.inputDim()), request);
    }

    private static ExportedModel pretrain(NetworkLayout layout, Standardization standardization,
                                          TrainingRequest request) {
        request.strategy().checkFits(layout);
        TensorFlowRuntime.engine();
        Map<String, float[]> initial = GlorotInitializer.initialWeights(layout, request.strategy().seed());
        return TrainingRun.start(new TrainingRun.StartingPoint(layout, standardization, initial, null), request);
    }

    /** Fine-tuning: builds the same graph, restores the base's weights by variable name (from baseModelDir), keeps the base's standardization, replaces the head if classCount differs. */
    public static ExportedModel fineTune(Path baseModelDir, TrainingRequest request) {
        Objects.requireNonNull(baseModelDir, "baseModelDir");
        Objects.requireNonNull(request, "request");
        TabularData train = request.train();
        ModelManifest base = ModelManifest.read(baseModelDir);
        NetworkLayout baseLayout = base.networkLayout();
        NetworkLayout layout = baseLayout.withClassCount(train.classCount());
        request.strategy().checkFits(layout);
        if (train.featureCount() != base.inputDim()) {
            throw new IllegalArgumentException("train has " + train.featureCount()
                    + " features but the base model expects " + base.inputDim());
        }
        TensorFlowRuntime.engine();
        Map<String, float[]> initial = GlorotInitializer.initialWeights(layout, request.strategy().seed());
        Map<String, float[]> baseWeights = SavedWeights.read(baseModelDir, baseLayout);
        boolean keepHead = base.classCount() == train.classCount();
        for (NetworkLayout.Layer layer : layout.layers()) {
            if (keepHead || !layer.name().equals(NetworkLayout.HEAD)) {
                initial.put(layer.weightName(), baseWeights.get(layer.weightName()));
                initial.put(layer.biasName(), baseWeights.get(layer.biasName()));
            }
        }
        return TrainingRun.start(new TrainingRun.StartingPoint(layout, base.standardization(), initial,
                ContentHash.of(baseModelDir)), request);
    }

    /**
     * Continues an interrupted run from the latest checkpoint in checkpointDir (kept by a pretrain or
     * fineTune run {@link TrainingRequest#withCheckpointsIn checkpointing into it}) on the same train and
     * validation data; the listener hears only the epochs still to come. The result equals that of the
     * uninterrupted run.
     */
    public static ExportedModel resume(Path checkpointDir, TabularData train, TabularData validation,
                                       TrainingListener listener, Path exportDir) {
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(exportDir, "exportDir");
        TensorFlowRuntime.engine();
        return TrainingRun.resume(checkpointDir, train, validation, listener, exportDir);
    }
}
