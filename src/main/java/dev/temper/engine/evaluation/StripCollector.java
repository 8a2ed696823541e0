package dev.temper.engine.evaluation;

import dev.temper.engine.model.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps, while the suite's attacks run at one epsilon, the adversarial inputs a strip may show: the first
 * {@link AdversarialStrip#SIZE} examples (by index) that some attack fooled, and the first that held after the last
 * attack, to fill up with. Each attack sees only the examples the earlier ones left standing, so the first fooled
 * overall are among the first fooled by each attack: keeping that many per attack is enough, and memory stays
 * bounded whatever the test split's size.
 */
final class StripCollector {

    /** An adversarial input in attack-space coordinates, with the attack that made it and the judge's prediction. */
    record Candidate(int index, String attack, float[] adversarial, int prediction) {
    }

    private final TreeMap<Integer, Candidate> fooled = new TreeMap<>();
    private final TreeMap<Integer, Candidate> held = new TreeMap<>();

    /**
     * @param standing    example indices the attack ran on
     * @param adversarial its output, one row per standing example
     * @param logits      the judge's logits for those rows
     * @param labels      the true labels of the standing examples
     * @param last        whether this is the suite's last attack (only its survivors have held against all)
     */
    void attacked(String attack, int[] standing, float[][] adversarial, float[][] logits, int[] labels, boolean last) {
        for (int s = 0; s < standing.length; s++) {
            int prediction = Classification.argMax(logits[s]);
            boolean wasFooled = prediction != labels[s];
            if (wasFooled || last) {
                keep(wasFooled ? fooled : held, new Candidate(standing[s], attack, adversarial[s].clone(), prediction));
            }
        }
    }

    /** The fooled first, then those that held, each in index order; at most {@link AdversarialStrip#SIZE}. */
    List<Candidate> picked() {
        List<Candidate> picked = new ArrayList<>(fooled.values());
        for (Candidate candidate : held.values()) {
            if (picked.size() < AdversarialStrip.SIZE) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    private static void keep(TreeMap<Integer, Candidate> kept, Candidate candidate) {
        if (kept.size() < AdversarialStrip.SIZE || candidate.index() < kept.lastKey()) {
            kept.put(candidate.index(), candidate);
            if (kept.size() > AdversarialStrip.SIZE) {
                Map.Entry<Integer, Candidate> largest = kept.lastEntry();
                kept.remove(largest.getKey());
            }
        }
    }
}
