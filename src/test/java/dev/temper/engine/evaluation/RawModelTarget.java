package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackLoss;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.LossAndGradient;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.nio.file.Path;
import java.util.List;

/**
 * An exported model as an attack target in raw input units, built the way the suite attacks images: for
 * the speed benchmark, which lives in another package ({@link GraphAttackTarget} and {@link AttackSpace}
 * are package-private).
 */
public final class RawModelTarget implements AttackTarget, AutoCloseable {

    private final GraphAttackTarget graph;
    private final AttackTarget raw;

    public RawModelTarget(Path modelDir) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        graph = new GraphAttackTarget(modelDir, manifest);
        raw = AttackSpace.of(ThreatModel.linfPixels(List.of()), manifest.standardization(), null).target(graph);
    }

    @Override
    public int classCount() {
        return raw.classCount();
    }

    @Override
    public float[][] logits(float[][] rawInputs) {
        return raw.logits(rawInputs);
    }

    @Override
    public float[][] lossGradient(float[][] rawInputs, int[] labels) {
        return raw.lossGradient(rawInputs, labels);
    }

    @Override
    public LossAndGradient lossAndGradient(float[][] rawInputs, int[] labels, AttackLoss loss, int[] targets) {
        return raw.lossAndGradient(rawInputs, labels, loss, targets);
    }

    @Override
    public void close() {
        graph.close();
    }
}
