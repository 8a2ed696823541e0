package dev.temper.engine.serving;

/** What a served model answers for one row: softmax probabilities of the logits and the likeliest class. */
public record ClassProbabilities(int classIndex, float[] probabilities) {

    public static ClassProbabilities of(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] exp = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            exp[k] = Math.exp(logits[k] - max);
            sum += exp[k];
        }
        float[] probabilities = new float[logits.length];
        int best = 0;
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = (float) (exp[k] / sum);
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return new ClassProbabilities(best, probabilities);
    }
}
