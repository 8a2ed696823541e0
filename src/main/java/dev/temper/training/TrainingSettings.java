package dev.temper.training;

import dev.temper.contract.Strategy;
import java.util.List;

/** The stored part of a job spec: the strategy and, for pre-training, the architecture. */
public record TrainingSettings(Strategy strategy, List<Integer> hiddenWidths) {

    public static final List<Integer> DEFAULT_HIDDEN_WIDTHS = List.of(32, 16);
}
