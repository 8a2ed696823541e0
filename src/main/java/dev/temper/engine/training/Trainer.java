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
import dev.temper.engine.strategy.TrainingStrategy;
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
    public static ExportedModel pretrain(MlpArchitecture arch, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir) {
        return pretrain(arch, train, validation, strategy, listener, exportDir, null);
    }

    /** As {@link #pretrain(MlpArchitecture, TabularData, TabularData, TrainingStrategy, TrainingListener, Path)}, checkpointing every epoch into checkpointDir (null = none). */
    public static ExportedModel pretrain(MlpArchitecture arch, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir,
                                         Path checkpointDir) {
        Objects.requireNonNull(arch, "arch");
        checkInputs(train, validation, strategy, listener, exportDir);
        MlpLayout layout = new MlpLayout(train.featureCount(), arch.hiddenWidths(), train.classCount());
        return pretrain(layout, Standardization.fit(train), train, validation, strategy, listener, exportDir,
                checkpointDir);
    }

    /**
     * Pre-training a CNN from scratch on images given as flat HWC rows in [0, 1]. Pixels are used as they
     * are (identity standardization), so adversarial epsilons and clipping work in pixel units.
     */
    public static ExportedModel pretrain(CnnArchitecture arch, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir) {
        return pretrain(arch, train, validation, strategy, listener, exportDir, null);
    }

    /** As {@link #pretrain(CnnArchitecture, TabularData, TabularData, TrainingStrategy, TrainingListener, Path)}, checkpointing every epoch into checkpointDir (null = none). */
    public static ExportedModel pretrain(CnnArchitecture arch, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir,
                                         Path checkpointDir) {
        Objects.requireNonNull(arch, "arch");
        checkInputs(train, validation, strategy, listener, exportDir);
        if (train.featureCount() != arch.inputDim()) {
            throw new IllegalArgumentException("train rows have " + train.featureCount() + " values but a "
                    + arch.height() + "x" + arch.width() + "x" + arch.channels() + " image has " + arch.inputDim());
        }
        CnnLayout layout = new CnnLayout(arch.height(), arch.width(), arch.channels(), arch.convFilters(),
                arch.denseWidths(), train.classCount());
        return pretrain(layout, Standardization.identity(layout.inputDim()), train, validation, strategy, listener,
                exportDir, checkpointDir);
    }

    private static ExportedModel pretrain(NetworkLayout layout, Standardization standardization, TabularData train,
                                          TabularData validation, TrainingStrategy strategy,
                                          TrainingListener listener, Path exportDir, Path checkpointDir) {
        strategy.checkFits(layout);
        TensorFlowRuntime.engine();
        Map<String, float[]> initial = GlorotInitializer.initialWeights(layout, strategy.seed());
        return TrainingRun.start(layout, standardization, initial, null, train, validation, strategy, listener,
                exportDir, checkpointDir);
    }

    /** Fine-tuning: builds the same graph, restores the base's weights by variable name (from baseModelDir), keeps the base's standardization, replaces the head if classCount differs. */
    public static ExportedModel fineTune(Path baseModelDir, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir) {
        return fineTune(baseModelDir, train, validation, strategy, listener, exportDir, null);
    }

    /** As {@link #fineTune(Path, TabularData, TabularData, TrainingStrategy, TrainingListener, Path)}, checkpointing every epoch into checkpointDir (null = none). */
    public static ExportedModel fineTune(Path baseModelDir, TabularData train, TabularData validation,
                                         TrainingStrategy strategy, TrainingListener listener, Path exportDir,
                                         Path checkpointDir) {
        Objects.requireNonNull(baseModelDir, "baseModelDir");
        checkInputs(train, validation, strategy, listener, exportDir);
        ModelManifest base = ModelManifest.read(baseModelDir);
        NetworkLayout baseLayout = base.networkLayout();
        NetworkLayout layout = baseLayout.withClassCount(train.classCount());
        strategy.checkFits(layout);
        if (train.featureCount() != base.inputDim()) {
            throw new IllegalArgumentException("train has " + train.featureCount()
                    + " features but the base model expects " + base.inputDim());
        }
        TensorFlowRuntime.engine();
        Map<String, float[]> initial = GlorotInitializer.initialWeights(layout, strategy.seed());
        Map<String, float[]> baseWeights = SavedWeights.read(baseModelDir, baseLayout);
        boolean keepHead = base.classCount() == train.classCount();
        for (NetworkLayout.Layer layer : layout.layers()) {
            if (keepHead || !layer.name().equals(NetworkLayout.HEAD)) {
                initial.put(layer.weightName(), baseWeights.get(layer.weightName()));
                initial.put(layer.biasName(), baseWeights.get(layer.biasName()));
            }
        }
        return TrainingRun.start(layout, base.standardization(), initial, ContentHash.of(baseModelDir), train,
                validation, strategy, listener, exportDir, checkpointDir);
    }

    /**
     * Continues an interrupted run from the latest checkpoint in checkpointDir (written by a pretrain or
     * fineTune call given that directory) on the same train and validation data; the listener hears only
     * the epochs still to come. The result equals that of the uninterrupted run.
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

    private static void checkInputs(TabularData train, TabularData validation, TrainingStrategy strategy,
                                    TrainingListener listener, Path exportDir) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(exportDir, "exportDir");
        if (train.size() == 0) {
            throw new IllegalArgumentException("train must contain at least one row");
        }
        if (validation.size() > 0 && validation.featureCount() != train.featureCount()) {
            throw new IllegalArgumentException("validation has " + validation.featureCount()
                    + " features but train has " + train.featureCount());
        }
        if (validation.classCount() != train.classCount()) {
            throw new IllegalArgumentException("validation has classCount " + validation.classCount()
                    + " but train has " + train.classCount());
        }
    }
}
