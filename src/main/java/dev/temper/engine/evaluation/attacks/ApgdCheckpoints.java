package dev.temper.engine.evaluation.attacks;

import java.util.ArrayList;
import java.util.List;

/**
 * When APGD reconsiders its step size (Croce and Hein 2020): at iterations w_j = ceil(p_j * N) with
 * p_0 = 0, p_1 = 0.22 and p_{j+1} = p_j + max(p_j - p_{j-1} - 0.03, 0.06). Checks come often at first,
 * when the loss moves fast, and every 6% of the budget at the end.
 */
final class ApgdCheckpoints {

    private ApgdCheckpoints() {
    }

    /** w_1, w_2, ... up to N, strictly increasing (a short budget can round two of them onto one iteration). */
    static int[] of(int iterations) {
        List<Integer> checkpoints = new ArrayList<>();
        double previous = 0;
        double current = 0.22;
        while (current <= 1) {
            // The small slack keeps 0.22 * 100 = 22.000000000000004 from rounding up to 23.
            int w = (int) Math.ceil(current * iterations - 1e-9);
            if (w >= 1 && (checkpoints.isEmpty() || w > checkpoints.get(checkpoints.size() - 1))) {
                checkpoints.add(w);
            }
            double next = current + Math.max(current - previous - 0.03, 0.06);
            previous = current;
            current = next;
        }
        return checkpoints.stream().mapToInt(Integer::intValue).toArray();
    }
}
