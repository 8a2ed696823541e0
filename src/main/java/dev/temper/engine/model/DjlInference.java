package dev.temper.engine.model;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Logits of an exported model computed by DJL's TensorFlow engine, the way the product serves it.
 * Inputs must already be standardized. One predictor, used from the calling thread only.
 */
public final class DjlInference implements AutoCloseable {

    static final int BATCH = 1024;

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int inputDim;

    public DjlInference(Path modelDir, int inputDim) {
        TensorFlowRuntime.engine();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(modelDir).optEngine(TensorFlowRuntime.ENGINE).build();
        try {
            this.model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("DJL cannot load the model in " + modelDir, e);
        }
        this.predictor = model.newPredictor();
        this.inputDim = inputDim;
    }

    public float[][] logits(float[][] features) {
        float[][] all = new float[features.length][];
        for (int start = 0; start < features.length; start += BATCH) {
            int rows = Math.min(BATCH, features.length - start);
            float[] flat = new float[rows * inputDim];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(features[start + i], 0, flat, i * inputDim, inputDim);
            }
            // A sub-manager per batch frees the batch's native arrays as soon as it is done.
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray input = batch.create(flat, new Shape(rows, inputDim));
                NDList output = predictor.predict(new NDList(input));
                output.attach(batch);
                float[] logits = output.get(0).toFloatArray();
                int classes = logits.length / rows;
                for (int i = 0; i < rows; i++) {
                    all[start + i] = Arrays.copyOfRange(logits, i * classes, (i + 1) * classes);
                }
            } catch (TranslateException e) {
                throw new IllegalStateException("DJL prediction failed", e);
            }
        }
        return all;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
