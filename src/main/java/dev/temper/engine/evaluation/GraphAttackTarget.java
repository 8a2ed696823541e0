package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.LossOps;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.TensorFlowRuntime;
import dev.temper.engine.model.Tensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * The exported model's graph rebuilt in TF Java with its weights restored, seen as an {@link AttackTarget}.
 * This adapter is the only place where the attacks meet the architecture-specific graph classes.
 */
final class GraphAttackTarget implements AttackTarget, AutoCloseable {

    private final ModelGraph model;
    private final Session session;
    private final GraphSession graph;
    private final Operand<TFloat32> inputGradient;

    GraphAttackTarget(Path modelDir, ModelManifest manifest) {
        TensorFlowRuntime.engine();
        model = new ModelGraph(manifest.networkLayout());
        try {
            LossOps loss = model.loss();
            // LossOps exposes only the sign; the sentinel needs the raw gradient to see exact zeros.
            inputGradient = model.ops().gradients(loss.meanLoss(), List.of(model.features())).dy(0);
            session = new Session(model.graph());
            session.restore(SavedWeights.checkpointPrefix(modelDir));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        graph = new GraphSession(model, session);
    }

    @Override
    public int classCount() {
        return model.layout().classCount();
    }

    @Override
    public float[][] logits(float[][] inputs) {
        return graph.logits(inputs);
    }

    @Override
    public float[][] lossGradient(float[][] inputs, int[] labels) {
        float[][] gradient = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += GraphSession.CHUNK) {
            int end = Math.min(inputs.length, start + GraphSession.CHUNK);
            float[][] chunk = chunkGradient(Arrays.copyOfRange(inputs, start, end), Arrays.copyOfRange(labels, start, end));
            System.arraycopy(chunk, 0, gradient, start, chunk.length);
        }
        return gradient;
    }

    private float[][] chunkGradient(float[][] inputs, int[] labels) {
        LossOps loss = model.loss();
        try (TFloat32 x = Tensors.matrix(inputs, model.layout().inputDim());
             TFloat32 y = Tensors.oneHot(labels, model.layout().classCount());
             Result result = session.runner().feed(model.features(), x).feed(loss.labels(), y)
                     .fetch(inputGradient).run()) {
            float[][] rows = Tensors.rows((TFloat32) result.get(0));
            // The graph differentiates the batch mean; undo the 1/n to get each example's own gradient.
            for (float[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= inputs.length;
                }
            }
            return rows;
        }
    }

    @Override
    public void close() {
        session.close();
        model.close();
    }
}
