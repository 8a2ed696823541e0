package dev.temper.dataset.derive;

import dev.temper.contract.SplitPlan;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assigns train, validation and test anew with {@link SplitAssigner}; the new header carries the plan. */
public record ResplitDerivation(SplitPlan plan) implements Derivation {

    public ResplitDerivation {
        if (plan == null) {
            throw new IllegalArgumentException("plan: give the train, validation and test shares and a seed");
        }
    }

    @Override
    public String operation() {
        return "resplit";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("train", plan.train());
        parameters.put("validation", plan.validation());
        parameters.put("test", plan.test());
        parameters.put("seed", plan.seed());
        return parameters;
    }
}
