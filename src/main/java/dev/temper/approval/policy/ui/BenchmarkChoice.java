package dev.temper.approval.policy.ui;

import dev.temper.evaluation.benchmark.Benchmark;
import java.util.List;

/**
 * A benchmark as the policy form offers it. A record, so that an item of a reloaded list (a new instance) equals the
 * value chosen before and the combo box keeps showing it.
 *
 * @param epsilons the benchmark's epsilons: the robust-accuracy gate may only name one of them
 */
public record BenchmarkChoice(long id, String label, List<Double> epsilons) {

    private static final String ID_MARK = " (#";

    static BenchmarkChoice of(Benchmark benchmark) {
        return new BenchmarkChoice(benchmark.id, benchmark.name + ID_MARK + benchmark.id + ")",
                List.copyOf(benchmark.epsilons()));
    }

    /** The name part of what was typed into the picker: a whole label typed or pasted still finds its benchmark. */
    static String namePart(String typed) {
        if (typed == null) {
            return "";
        }
        int mark = typed.lastIndexOf(ID_MARK);
        return mark < 0 ? typed : typed.substring(0, mark);
    }
}
