package dev.temper.engine.model;

import dev.temper.engine.io.EngineJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Describes an exported model beside its SavedModel (manifest.json): enough to rebuild the graph,
 * standardize inputs exactly as in training and trace the model's lineage.
 *
 * @param architecture "mlp" or "cnn"
 * @param inputShape shape of one input: [features] for an MLP, [height, width, channels] for a CNN
 * @param convFilters filters per conv block of a CNN, empty for an MLP
 * @param hiddenWidths widths of the ReLU dense layers below the head
 * @param classNames what each output (logit index) means, from the training data
 * @param frozenLayers leading layers whose weights were kept during this run
 * @param fgsmEpsilon adversarial epsilon used in training, 0 when training was not adversarial
 * @param parentSha256 content hash of the base model for fine-tuning, null for pre-training
 */
public record ModelManifest(String architecture, int inputDim, List<Integer> inputShape, List<Integer> convFilters,
                            List<Integer> hiddenWidths, int classCount, List<String> classNames,
                            float[] featureMean, float[] featureStd, int frozenLayers, double fgsmEpsilon,
                            String parentSha256, String signature, String inputName, String outputName,
                            String tensorflowVersion, String djlVersion) {

    public static final String FILE_NAME = "manifest.json";
    public static final String MLP = "mlp";
    public static final String CNN = "cnn";

    public ModelManifest {
        hiddenWidths = List.copyOf(hiddenWidths);
        // Manifests written before CNN support lack these two fields.
        inputShape = inputShape == null ? List.of(inputDim) : List.copyOf(inputShape);
        convFilters = convFilters == null ? List.of() : List.copyOf(convFilters);
        // Manifests written before class names were recorded number their classes.
        classNames = classNames == null
                ? IntStream.range(0, classCount).mapToObj(Integer::toString).toList()
                : List.copyOf(classNames);
    }

    public static ModelManifest describe(NetworkLayout layout, List<String> classNames, Standardization standardization,
                                  int frozenLayers,
                                  double adversarialEpsilon, String parentSha256, String signature,
                                  String inputName, String outputName) {
        String tf = TensorFlowRuntime.tensorflowVersion();
        String djl = TensorFlowRuntime.djlVersion();
        if (layout instanceof CnnLayout cnn) {
            return new ModelManifest(CNN, cnn.inputDim(), List.of(cnn.height(), cnn.width(), cnn.channels()),
                    cnn.convFilters(), cnn.denseWidths(), cnn.classCount(), classNames, standardization.mean(),
                    standardization.std(), frozenLayers, adversarialEpsilon, parentSha256, signature, inputName,
                    outputName, tf, djl);
        }
        MlpLayout mlp = (MlpLayout) layout;
        return new ModelManifest(MLP, mlp.inputDim(), List.of(mlp.inputDim()), List.of(), mlp.hiddenWidths(),
                mlp.classCount(), classNames, standardization.mean(), standardization.std(), frozenLayers,
                adversarialEpsilon,
                parentSha256, signature, inputName, outputName, tf, djl);
    }

    public static ModelManifest read(Path modelDir) {
        try {
            ModelManifest manifest = EngineJson.mapper().readValue(modelDir.resolve(FILE_NAME).toFile(),
                    ModelManifest.class);
            if (!MLP.equals(manifest.architecture()) && !CNN.equals(manifest.architecture())) {
                throw new IllegalArgumentException("unsupported architecture " + manifest.architecture()
                        + " in " + modelDir);
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE_NAME + " in " + modelDir, e);
        }
    }

    public void write(Path modelDir) {
        try {
            // Indented, as manifests have always been written: the file is hashed with the model.
            EngineJson.mapper().writerWithDefaultPrettyPrinter().writeValue(modelDir.resolve(FILE_NAME).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " in " + modelDir, e);
        }
    }

    public NetworkLayout networkLayout() {
        if (CNN.equals(architecture)) {
            return new CnnLayout(inputShape.get(0), inputShape.get(1), inputShape.get(2), convFilters, hiddenWidths,
                    classCount);
        }
        return new MlpLayout(inputDim, hiddenWidths, classCount);
    }

    public Standardization standardization() {
        return new Standardization(featureMean, featureStd);
    }
}
