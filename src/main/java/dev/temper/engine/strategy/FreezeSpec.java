package dev.temper.engine.strategy;

import java.util.List;
import java.util.Objects;

/**
 * Which layers keep their weights exactly (no update at all). Layers are conv0.., dense0.., head, bottom up.
 *
 * @param firstLayers how many leading layers are frozen (0 = none)
 * @param layerNames further layers frozen by name, e.g. ["conv0", "dense0"]
 * @param trainTopLayers when > 0, everything but the top trainTopLayers layers is frozen ("all but the last N")
 * @param unfreezeEveryEpochs when > 0, gradual unfreezing: every this many epochs the highest frozen layer becomes trainable
 */
public record FreezeSpec(int firstLayers, List<String> layerNames, int trainTopLayers, int unfreezeEveryEpochs) {

    public FreezeSpec {
        SpecChecks.between(firstLayers, 0, Limits.MAX_FROZEN_LAYERS, "firstLayers");
        SpecChecks.require(layerNames != null && layerNames.stream().noneMatch(Objects::isNull),
                "layerNames", "layerNames must not be or contain null");
        layerNames = List.copyOf(layerNames);
        SpecChecks.between(trainTopLayers, 0, Limits.MAX_FROZEN_LAYERS, "trainTopLayers");
        SpecChecks.between(unfreezeEveryEpochs, 0, Limits.MAX_EPOCHS, "unfreezeEveryEpochs");
    }

    public static FreezeSpec none() {
        return new FreezeSpec(0, List.of(), 0, 0);
    }

    public static FreezeSpec firstLayers(int count) {
        return new FreezeSpec(count, List.of(), 0, 0);
    }

    public static FreezeSpec allButTop(int trainTopLayers) {
        return new FreezeSpec(0, List.of(), trainTopLayers, 0);
    }

    public static FreezeSpec named(List<String> layerNames) {
        return new FreezeSpec(0, layerNames, 0, 0);
    }

    public FreezeSpec withGradualUnfreezing(int everyEpochs) {
        return new FreezeSpec(firstLayers, layerNames, trainTopLayers, everyEpochs);
    }

    /**
     * Checks the spec against a model's layer names (input side first, the head last); callers that know
     * the architecture before any graph exists, such as a job submission, use it too.
     */
    public void requireFits(List<String> names) {
        int body = names.size() - 1;
        SpecChecks.require(firstLayers <= body, "firstLayers", "frozenLayers (" + firstLayers
                + ") exceeds the " + body + " layers below the head of the model");
        for (String name : layerNames) {
            SpecChecks.require(names.contains(name), "layerNames",
                    "layerNames contains " + name + ", the model has " + names);
        }
        SpecChecks.require(trainTopLayers <= names.size(), "trainTopLayers", "trainTopLayers (" + trainTopLayers
                + ") exceeds the " + names.size() + " layers of the model");
    }
}
