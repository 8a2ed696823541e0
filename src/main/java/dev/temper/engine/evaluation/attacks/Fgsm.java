package dev.temper.engine.evaluation.attacks;

/** Fast gradient sign method: one step of size epsilon along the sign of the loss gradient. */
public record Fgsm(InputBounds bounds) implements Attack {

    public static final String NAME = "fgsm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon) {
        float[][] gradient = target.lossGradient(inputs, labels);
        float[][] adversarial = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            adversarial[i] = new float[inputs[i].length];
            for (int j = 0; j < inputs[i].length; j++) {
                float step = (float) (inputs[i][j] + epsilon * Math.signum(gradient[i][j]));
                adversarial[i][j] = LinfBall.project(inputs[i][j], step, epsilon, bounds);
            }
        }
        return adversarial;
    }
}
