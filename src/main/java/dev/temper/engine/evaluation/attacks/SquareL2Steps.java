package dev.temper.engine.evaluation.attacks;

import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.Random;

/**
 * L2 Square attack steps. The start is a grid of pseudo-Gaussian blocks (side about a fifth of the image)
 * with a random sign per block and channel, scaled onto the eps-sphere. A proposal picks two windows and,
 * per channel, moves the perturbation mass of both (plus any budget left unused, e.g. after clipping) into
 * the first as a fresh pseudo-Gaussian bump, emptying the second: the L2 norm stays at most eps while the
 * perturbation's shape changes.
 */
record SquareL2Steps(ImageShape shape, double epsilon, InputBounds bounds) implements SquareSteps {

    @Override
    public float[] start(float[] clean, Random random) {
        int blockHeight = Math.max(1, shape.height() / 5);
        int blockWidth = Math.max(1, shape.width() / 5);
        double[] delta = new double[clean.length];
        for (int top = 0; top + blockHeight <= shape.height(); top += blockHeight) {
            for (int left = 0; left + blockWidth <= shape.width(); left += blockWidth) {
                double[] block = PseudoGaussianBlock.of(blockHeight, blockWidth, random);
                for (int c = 0; c < shape.channels(); c++) {
                    int sign = random.nextBoolean() ? 1 : -1;
                    add(delta, new SquareWindow(top, left, blockHeight, blockWidth), c, block, sign);
                }
            }
        }
        return onSphereInBox(clean, delta);
    }

    @Override
    public float[] propose(float[] clean, float[] current, double p, Random random) {
        int[] size = SquareWindow.size(shape, p);
        SquareWindow first = SquareWindow.random(shape, size, random);
        SquareWindow second = SquareWindow.random(shape, size, random);
        double[] delta = new double[clean.length];
        double total = 0;
        for (int k = 0; k < clean.length; k++) {
            delta[k] = (double) current[k] - clean[k];
            total += delta[k] * delta[k];
        }
        double unusedPerChannel = Math.max(epsilon * epsilon - total, 0) / shape.channels();
        double[] bump = PseudoGaussianBlock.of(size[0], size[1], random);
        for (int c = 0; c < shape.channels(); c++) {
            double firstMass = 0;
            double unionMass = 0;
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    double d = delta[SquareWindow.index(shape, y, x, c)];
                    if (first.contains(y, x)) {
                        firstMass += d * d;
                    }
                    if (first.contains(y, x) || second.contains(y, x)) {
                        unionMass += d * d;
                    }
                }
            }
            // New content of the first window: a random-signed bump plus what was there, normalised.
            int sign = random.nextBoolean() ? 1 : -1;
            double[] content = new double[bump.length];
            double contentNorm = 0;
            int b = 0;
            for (int y = first.top(); y < first.top() + first.height(); y++) {
                for (int x = first.left(); x < first.left() + first.width(); x++, b++) {
                    double old = delta[SquareWindow.index(shape, y, x, c)] / (Math.sqrt(firstMass) + 1e-12);
                    content[b] = sign * bump[b] + old;
                    contentNorm += content[b] * content[b];
                }
            }
            double target = Math.sqrt(unionMass + unusedPerChannel);
            for (int y = second.top(); y < second.top() + second.height(); y++) {
                for (int x = second.left(); x < second.left() + second.width(); x++) {
                    delta[SquareWindow.index(shape, y, x, c)] = 0;
                }
            }
            double scale = contentNorm > 0 ? target / Math.sqrt(contentNorm) : 0;
            b = 0;
            for (int y = first.top(); y < first.top() + first.height(); y++) {
                for (int x = first.left(); x < first.left() + first.width(); x++, b++) {
                    delta[SquareWindow.index(shape, y, x, c)] = content[b] * scale;
                }
            }
        }
        return new NormBall(Norm.L2, epsilon, bounds).project(clean, toPoint(clean, delta));
    }

    private void add(double[] delta, SquareWindow window, int channel, double[] block, int sign) {
        int b = 0;
        for (int y = window.top(); y < window.top() + window.height(); y++) {
            for (int x = window.left(); x < window.left() + window.width(); x++, b++) {
                delta[SquareWindow.index(shape, y, x, channel)] += sign * block[b];
            }
        }
    }

    private float[] onSphereInBox(float[] clean, double[] delta) {
        double norm = 0;
        for (double d : delta) {
            norm += d * d;
        }
        double scale = norm > 0 ? epsilon / Math.sqrt(norm) : 0;
        for (int k = 0; k < delta.length; k++) {
            delta[k] *= scale;
        }
        return new NormBall(Norm.L2, epsilon, bounds).project(clean, toPoint(clean, delta));
    }

    private static float[] toPoint(float[] clean, double[] delta) {
        float[] point = new float[clean.length];
        for (int k = 0; k < clean.length; k++) {
            point[k] = (float) (clean[k] + delta[k]);
        }
        return point;
    }
}
