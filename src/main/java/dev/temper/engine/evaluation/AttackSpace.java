package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.AttackLoss;
import dev.temper.engine.evaluation.attacks.AttackTarget;
import dev.temper.engine.evaluation.attacks.Classifier;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.LossAndGradient;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.engine.model.Standardization;
import java.util.Arrays;

/**
 * The coordinates attacks and noise work in, chosen by the threat model's unit so that epsilon means the
 * same for every model on a dataset: a = raw / scale, where scale is 1 (pixels, raw features) or the train
 * split's per-feature standard deviation. A model is reached through its own standardisation, and
 * gradients come back by the chain rule (d/da = d/d(standardised) * scale / modelStd).
 */
final class AttackSpace {

    private final float[] scale;
    private final Standardization model;
    private final InputBounds bounds;
    /** Pixels fed to a model that does not standardise: rows pass through untouched (saves two copies a step). */
    private final boolean identity;

    private AttackSpace(float[] scale, Standardization model, InputBounds bounds) {
        this.scale = scale;
        this.model = model;
        this.bounds = bounds;
        boolean same = true;
        for (int j = 0; j < scale.length; j++) {
            same &= scale[j] == 1f && model.mean()[j] == 0f && model.std()[j] == 1f;
        }
        this.identity = same;
    }

    static AttackSpace of(ThreatModel threat, Standardization model, float[] trainStd) {
        int width = model.mean().length;
        float[] scale = new float[width];
        if (threat.unit() == EpsilonUnit.TRAIN_STD) {
            if (trainStd == null || trainStd.length != width) {
                throw new IllegalArgumentException("epsilon in train-split standard deviations needs the train split's "
                        + width + " per-feature deviations");
            }
            for (int j = 0; j < width; j++) {
                scale[j] = Math.max(Standardization.MIN_STD, trainStd[j]);
            }
        } else {
            Arrays.fill(scale, 1f);
        }
        return new AttackSpace(scale, model, threat.unit().boxed() ? InputBounds.UNIT : InputBounds.UNBOUNDED);
    }

    InputBounds bounds() {
        return bounds;
    }

    float[][] fromRaw(float[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            checkWidth(raw[i], i);
            out[i] = new float[raw[i].length];
            for (int j = 0; j < raw[i].length; j++) {
                out[i][j] = raw[i][j] / scale[j];
            }
        }
        return out;
    }

    /** An attack-space row back in raw units: raw = a * scale. */
    float[] toRaw(float[] attackRow) {
        checkWidth(attackRow, 0);
        float[] raw = new float[attackRow.length];
        for (int j = 0; j < attackRow.length; j++) {
            raw[j] = attackRow[j] * scale[j];
        }
        return raw;
    }

    /** What the model is fed for attack-space rows: raw = a * scale, then the model's standardisation. */
    float[][] toModel(float[][] attackRows) {
        if (identity) {
            for (int i = 0; i < attackRows.length; i++) {
                checkWidth(attackRows[i], i);
            }
            return attackRows;
        }
        float[][] out = new float[attackRows.length][];
        float[] mean = model.mean();
        float[] std = model.std();
        for (int i = 0; i < attackRows.length; i++) {
            checkWidth(attackRows[i], i);
            out[i] = new float[attackRows[i].length];
            for (int j = 0; j < attackRows[i].length; j++) {
                out[i][j] = (attackRows[i][j] * scale[j] - mean[j]) / Math.max(Standardization.MIN_STD, std[j]);
            }
        }
        return out;
    }

    Classifier judge(Classifier standardizedModel) {
        return rows -> standardizedModel.logits(toModel(rows));
    }

    AttackTarget target(AttackTarget standardizedModel) {
        return new AttackTarget() {
            @Override
            public int classCount() {
                return standardizedModel.classCount();
            }

            @Override
            public float[][] logits(float[][] rows) {
                return standardizedModel.logits(toModel(rows));
            }

            @Override
            public float[][] lossGradient(float[][] rows, int[] labels) {
                return toAttackSpace(standardizedModel.lossGradient(toModel(rows), labels));
            }

            @Override
            public LossAndGradient lossAndGradient(float[][] rows, int[] labels, AttackLoss loss, int[] targets) {
                LossAndGradient pass = standardizedModel.lossAndGradient(toModel(rows), labels, loss, targets);
                return new LossAndGradient(pass.logits(), pass.loss(), toAttackSpace(pass.gradient()));
            }
        };
    }

    /** Chain rule, in place: d/da = d/d(standardised) * scale / modelStd. */
    private float[][] toAttackSpace(float[][] modelGradient) {
        if (identity) {
            return modelGradient;
        }
        float[] std = model.std();
        for (float[] row : modelGradient) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale[j] / Math.max(Standardization.MIN_STD, std[j]);
            }
        }
        return modelGradient;
    }

    private void checkWidth(float[] row, int index) {
        if (row.length != scale.length) {
            throw new IllegalArgumentException("row " + index + " has " + row.length + " features, the model expects "
                    + scale.length);
        }
    }
}
