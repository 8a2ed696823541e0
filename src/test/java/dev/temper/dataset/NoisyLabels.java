package dev.temper.dataset;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CSV of three Gaussian classes in five dimensions, close enough to overlap a little, in which a known
 * share of the labels was flipped to another class: the ids of the flipped rows are the ground truth a
 * label-noise search is measured against.
 */
record NoisyLabels(String csv, Set<String> flippedIds) {

    static final String[] CLASSES = {"ant", "bee", "wasp"};

    static NoisyLabels generate(int rows, double flipShare, long seed) {
        Random random = new Random(seed);
        double[][] centers = {{0, 0, 0, 0, 0}, {3, 1, 0, -1, 2}, {-1, 3, 2, 1, -2}};
        StringBuilder csv = new StringBuilder("sample,x1,x2,x3,x4,x5,insect\n");
        Set<String> flipped = new TreeSet<>();
        for (int i = 0; i < rows; i++) {
            int label = i % CLASSES.length;
            String id = "s" + i;
            csv.append(id);
            for (double center : centers[label]) {
                csv.append(String.format(Locale.ROOT, ",%.4f", center + random.nextGaussian()));
            }
            int given = label;
            if (random.nextDouble() < flipShare) {
                given = (label + 1 + random.nextInt(CLASSES.length - 1)) % CLASSES.length;
                flipped.add(id);
            }
            csv.append(',').append(CLASSES[given]).append('\n');
        }
        return new NoisyLabels(csv.toString(), flipped);
    }
}
