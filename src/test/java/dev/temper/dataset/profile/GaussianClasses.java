package dev.temper.dataset.profile;

import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Map;

/**
 * Classes drawn as Gaussian clouds with unit variance around random centres; {@code spread} scales the
 * centres, so a small spread gives classes that overlap. Samples come out shuffled, each with a split.
 */
final class GaussianClasses {

    final List<Sample> samples = new ArrayList<>();
    final int dimensions;

    GaussianClasses(int[] classSizes, int dimensions, double spread, long seed) {
        this.dimensions = dimensions;
        Random random = new Random(seed);
        double[][] centres = new double[classSizes.length][dimensions];
        for (double[] centre : centres) {
            for (int d = 0; d < dimensions; d++) {
                centre[d] = spread * random.nextGaussian();
            }
        }
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classSizes.length; c++) {
            for (int k = 0; k < classSizes[c]; k++) {
                labels.add(c);
            }
        }
        Collections.shuffle(labels, random);
        for (int i = 0; i < labels.size(); i++) {
            int label = labels.get(i);
            float[] values = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                values[d] = (float) (centres[label][d] + random.nextGaussian());
            }
            Split split = i % 10 < 7 ? Split.TRAIN : i % 10 < 9 ? Split.VALIDATION : Split.TEST;
            samples.add(new Sample(split, label, "s-" + i, values));
        }
    }

    /**
     * Gives {@code share} of the samples, chosen at random, another class at random; returns the true
     * label per flipped index.
     */
    Map<Integer, Integer> flipLabels(double share, int classCount, long seed) {
        Random random = new Random(seed);
        Map<Integer, Integer> trueLabels = new HashMap<>();
        int wanted = (int) Math.round(samples.size() * share);
        while (trueLabels.size() < wanted) {
            int index = random.nextInt(samples.size());
            Sample sample = samples.get(index);
            if (trueLabels.putIfAbsent(index, sample.label()) == null) {
                int other = (sample.label() + 1 + random.nextInt(classCount - 1)) % classCount;
                samples.set(index, sample.withLabel(other));
            }
        }
        return trueLabels;
    }

    /** Replaces {@code share} of all cells, chosen at random, by NaN (missing). */
    void blankCells(double share, long seed) {
        Random random = new Random(seed);
        for (Sample sample : samples) {
            for (int d = 0; d < dimensions; d++) {
                if (random.nextDouble() < share) {
                    sample.values()[d] = Float.NaN;
                }
            }
        }
    }
}
