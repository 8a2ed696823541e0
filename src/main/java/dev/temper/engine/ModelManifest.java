package dev.temper.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Describes an exported model beside its SavedModel (manifest.json): enough to rebuild the graph,
 * standardize inputs exactly as in training and trace the model's lineage.
 *
 * @param frozenLayers leading dense layers whose weights were kept during this run
 * @param fgsmEpsilon FGSM epsilon used in training, 0 when training was not adversarial
 * @param parentSha256 content hash of the base model for fine-tuning, null for pre-training
 */
public record ModelManifest(String architecture, int inputDim, List<Integer> hiddenWidths, int classCount,
                            float[] featureMean, float[] featureStd, int frozenLayers, double fgsmEpsilon,
                            String parentSha256, String signature, String inputName, String outputName,
                            String tensorflowVersion, String djlVersion) {

    public static final String FILE_NAME = "manifest.json";
    public static final String MLP = "mlp";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        hiddenWidths = List.copyOf(hiddenWidths);
    }

    public static ModelManifest read(Path modelDir) {
        try {
            ModelManifest manifest = JSON.readValue(modelDir.resolve(FILE_NAME).toFile(), ModelManifest.class);
            if (!MLP.equals(manifest.architecture())) {
                throw new IllegalArgumentException("unsupported architecture " + manifest.architecture()
                        + " in " + modelDir);
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE_NAME + " in " + modelDir, e);
        }
    }

    void write(Path modelDir) {
        try {
            JSON.writeValue(modelDir.resolve(FILE_NAME).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " in " + modelDir, e);
        }
    }

    MlpLayout layout() {
        return new MlpLayout(inputDim, hiddenWidths, classCount);
    }

    Standardization standardization() {
        return new Standardization(featureMean, featureStd);
    }
}
