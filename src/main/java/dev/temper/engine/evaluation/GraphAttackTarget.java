package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackLoss;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.LossAndGradient;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.LossOps;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.model.TensorFlowRuntime;
import dev.temper.engine.model.Tensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
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
    private final Placeholder<TFloat32> attackLabels;
    private final Placeholder<TFloat32> attackTargets;
    private final Map<AttackLoss, AttackLossOps> attackLosses = new EnumMap<>(AttackLoss.class);

    GraphAttackTarget(Path modelDir, ModelManifest manifest) {
        TensorFlowRuntime.engine();
        model = new ModelGraph(manifest.networkLayout());
        try {
            LossOps loss = model.loss();
            // LossOps exposes only the sign; the zero-gradient check needs the raw gradient to see exact zeros.
            inputGradient = model.ops().gradients(loss.meanLoss(), List.of(model.features())).dy(0);
            int classes = model.layout().classCount();
            attackLabels = AttackLossOps.classPlaceholder(model.ops(), "attack_labels", classes);
            attackTargets = AttackLossOps.classPlaceholder(model.ops(), "attack_targets", classes);
            for (AttackLoss attackLoss : AttackLoss.values()) {
                attackLosses.put(attackLoss, new AttackLossOps(model.ops(), attackLoss, model.features(),
                        model.logits(), attackLabels, attackTargets, classes));
            }
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

    /** Logits, per-example loss and per-example gradient fetched together: one session run per chunk. */
    @Override
    public LossAndGradient lossAndGradient(float[][] inputs, int[] labels, AttackLoss loss, int[] targets) {
        if (loss.needsTargets() && (targets == null || targets.length != labels.length)) {
            throw new IllegalArgumentException(loss + " needs one target class per example");
        }
        float[][] logits = new float[inputs.length][];
        float[] values = new float[inputs.length];
        float[][] gradient = new float[inputs.length][];
        AttackLossOps ops = attackLosses.get(loss);
        int classes = model.layout().classCount();
        for (int start = 0; start < inputs.length; start += GraphSession.CHUNK) {
            int end = Math.min(inputs.length, start + GraphSession.CHUNK);
            int[] chunkLabels = Arrays.copyOfRange(labels, start, end);
            // Without targets the placeholder still needs a value; the labels stand in, unread.
            int[] chunkTargets = loss.needsTargets() ? Arrays.copyOfRange(targets, start, end) : chunkLabels;
            try (TFloat32 x = Tensors.matrix(Arrays.copyOfRange(inputs, start, end), model.layout().inputDim());
                 TFloat32 y = Tensors.oneHot(chunkLabels, classes);
                 TFloat32 t = Tensors.oneHot(chunkTargets, classes);
                 Result result = session.runner().feed(model.features(), x).feed(attackLabels, y)
                         .feed(attackTargets, t).fetch(model.logits()).fetch(ops.perExample())
                         .fetch(ops.inputGradient()).run()) {
                System.arraycopy(Tensors.rows((TFloat32) result.get(0)), 0, logits, start, end - start);
                System.arraycopy(Tensors.flat((TFloat32) result.get(1)), 0, values, start, end - start);
                System.arraycopy(Tensors.rows((TFloat32) result.get(2)), 0, gradient, start, end - start);
            }
        }
        return new LossAndGradient(logits, values, gradient);
    }

    @Override
    public void close() {
        session.close();
        model.close();
    }
}
