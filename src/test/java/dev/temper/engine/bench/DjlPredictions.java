package dev.temper.engine.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import dev.temper.engine.model.TensorFlowRuntime;
import java.nio.file.Path;

/**
 * Predictions through DJL's TensorFlow engine the way a server makes them: one predictor, a sub-manager
 * per request so every native array of the request is freed when it ends.
 */
final class DjlPredictions implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    DjlPredictions(Path modelDir) throws Exception {
        TensorFlowRuntime.engine();
        model = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(modelDir)
                .optEngine(TensorFlowRuntime.ENGINE).build().loadModel();
        predictor = model.newPredictor();
    }

    /** Predicts rows [offset, offset + batch) of x (wrapping around) as one request; returns the first logit. */
    float predict(float[][] x, int offset, int batch) throws Exception {
        int dim = x[0].length;
        float[] flat = new float[batch * dim];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(x[(offset + i) % x.length], 0, flat, i * dim, dim);
        }
        try (NDManager request = model.getNDManager().newSubManager()) {
            NDList output = predictor.predict(new NDList(request.create(flat, new Shape(batch, dim))));
            output.attach(request);
            return output.get(0).toFloatArray()[0];
        }
    }

    /** Samples/s of `requests` back-to-back requests of `batch` rows each. */
    double samplesPerSecond(float[][] x, int batch, int requests) throws Exception {
        long start = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            predict(x, r * batch, batch);
        }
        return requests * (double) batch / Stats.secondsSince(start);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
