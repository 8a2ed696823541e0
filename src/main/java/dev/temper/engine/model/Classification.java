package dev.temper.engine.model;

/** Small helpers over logits shared by training and evaluation. */
public final class Classification {

    private Classification() {
    }

    public static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Correct predictions among logits given flat, row-major (labels.length rows), without copying rows out. */
    public static int correct(float[] flatLogits, int[] labels) {
        return correct(flatLogits, labels, 0, labels.length);
    }

    /** Correct predictions among rows from to from + count - 1. */
    public static int correct(float[] flatLogits, int[] labels, int from, int count) {
        int classes = flatLogits.length / labels.length;
        int correct = 0;
        for (int i = from; i < from + count; i++) {
            int offset = i * classes;
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (flatLogits[offset + k] > flatLogits[offset + best]) {
                    best = k;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    public static int correct(float[][] logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argMax(logits[i]) == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    public static float[][] concat(float[][] first, float[][] second) {
        float[][] joined = new float[first.length + second.length][];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    public static int[] concat(int[] first, int[] second) {
        int[] joined = new int[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
