package dev.temper.dataset.profile;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Multinomial logistic regression trained with Adam and L2 weight decay: quick, deterministic for a
 * seed, and calibrated enough to rank labels by probability.
 */
final class SoftmaxRegression {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int classCount;
    private final int featureCount;
    private final Standardizer standardizer;
    private final double[] weights;
    private final double[] bias;

    private SoftmaxRegression(int classCount, int featureCount, Standardizer standardizer) {
        this.classCount = classCount;
        this.featureCount = featureCount;
        this.standardizer = standardizer;
        this.weights = new double[classCount * featureCount];
        this.bias = new double[classCount];
    }

    /** Called after each epoch with the number of finished epochs. */
    @FunctionalInterface
    interface EpochListener {
        void finished(int epochs);
    }

    static SoftmaxRegression train(float[][] values, int[] labels, int[] rows, int classCount, int featureCount,
            NoiseSearchSettings settings, Random random, EpochListener epochs, BooleanSupplier cancelled) {
        SoftmaxRegression model = new SoftmaxRegression(classCount, featureCount,
                Standardizer.fit(values, rows, featureCount));
        model.fit(values, labels, rows.clone(), settings, random, epochs, cancelled);
        return model;
    }

    private void fit(float[][] values, int[] labels, int[] order, NoiseSearchSettings settings, Random random,
            EpochListener epochs, BooleanSupplier cancelled) {
        double[] weightGradient = new double[weights.length];
        double[] biasGradient = new double[classCount];
        Adam weightSteps = new Adam(weights.length, settings.learningRate());
        Adam biasSteps = new Adam(classCount, settings.learningRate());
        double[] x = new double[featureCount];
        double[] p = new double[classCount];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("The search for label errors was cancelled.");
                }
                int end = Math.min(order.length, start + settings.batchSize());
                Arrays.fill(weightGradient, 0);
                Arrays.fill(biasGradient, 0);
                for (int k = start; k < end; k++) {
                    int row = order[k];
                    standardizer.transform(values[row], x);
                    probabilities(x, p);
                    p[labels[row]] -= 1;
                    for (int c = 0; c < classCount; c++) {
                        double error = p[c];
                        int offset = c * featureCount;
                        for (int f = 0; f < featureCount; f++) {
                            weightGradient[offset + f] += error * x[f];
                        }
                        biasGradient[c] += error;
                    }
                }
                double batch = end - start;
                for (int w = 0; w < weights.length; w++) {
                    weightGradient[w] = weightGradient[w] / batch + settings.l2() * weights[w];
                }
                for (int c = 0; c < classCount; c++) {
                    biasGradient[c] /= batch;
                }
                weightSteps.step(weights, weightGradient);
                biasSteps.step(bias, biasGradient);
            }
            epochs.finished(epoch + 1);
        }
    }

    /** Class probabilities of a raw sample (missing values allowed). */
    double[] predict(float[] sample) {
        double[] x = new double[featureCount];
        standardizer.transform(sample, x);
        double[] p = new double[classCount];
        probabilities(x, p);
        return p;
    }

    private void probabilities(double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classCount; c++) {
            double logit = bias[c];
            int offset = c * featureCount;
            for (int f = 0; f < featureCount; f++) {
                logit += weights[offset + f] * x[f];
            }
            out[c] = logit;
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int c = 0; c < classCount; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classCount; c++) {
            out[c] /= sum;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Adam's moment estimates for one parameter array. */
    private static final class Adam {

        private final double[] firstMoment;
        private final double[] secondMoment;
        private final double learningRate;
        private int steps;

        Adam(int size, double learningRate) {
            this.firstMoment = new double[size];
            this.secondMoment = new double[size];
            this.learningRate = learningRate;
        }

        void step(double[] parameters, double[] gradient) {
            steps++;
            double firstCorrection = 1 - Math.pow(BETA1, steps);
            double secondCorrection = 1 - Math.pow(BETA2, steps);
            for (int i = 0; i < parameters.length; i++) {
                firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * gradient[i];
                secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * gradient[i] * gradient[i];
                parameters[i] -= learningRate * (firstMoment[i] / firstCorrection)
                        / (Math.sqrt(secondMoment[i] / secondCorrection) + EPSILON);
            }
        }
    }
}
