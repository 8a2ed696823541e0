package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.model.ModelManifest;
import java.nio.file.Path;

/**
 * An exported model as an attack target in raw input units, built the way the suite attacks images: for
 * the speed benchmark, which lives in another package ({@link GraphAttackTarget} and {@link RawInputTarget}
 * are package-private).
 */
public final class RawModelTarget implements AttackTarget, AutoCloseable {

    private final GraphAttackTarget graph;
    private final RawInputTarget raw;

    public RawModelTarget(Path modelDir) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        graph = new GraphAttackTarget(modelDir, manifest);
        raw = new RawInputTarget(graph, manifest.standardization());
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
    public void close() {
        graph.close();
    }
}
