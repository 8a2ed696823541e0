package dev.temper.engine.strategy;

import dev.temper.engine.model.NetworkLayout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns a {@link FreezeSpec} into the layers that train in each epoch, for a concrete layout. */
public final class FreezePlan {

    private final List<String> layerNames;
    private final TreeSet<Integer> frozenAtStart = new TreeSet<>();
    private final int unfreezeEveryEpochs;

    public FreezePlan(FreezeSpec spec, NetworkLayout layout) {
        check(spec, layout);
        layerNames = layout.layers().stream().map(NetworkLayout.Layer::name).toList();
        for (int i = 0; i < spec.firstLayers(); i++) {
            frozenAtStart.add(i);
        }
        spec.layerNames().forEach(name -> frozenAtStart.add(layerNames.indexOf(name)));
        if (spec.trainTopLayers() > 0) {
            for (int i = 0; i < layerNames.size() - spec.trainTopLayers(); i++) {
                frozenAtStart.add(i);
            }
        }
        unfreezeEveryEpochs = spec.unfreezeEveryEpochs();
    }

    static void check(FreezeSpec spec, NetworkLayout layout) {
        spec.requireFits(layout.layers().stream().map(NetworkLayout.Layer::name).toList());
    }

    /** Names of the layers that train in a 1-based epoch: highest frozen layers thaw first. */
    public Set<String> trainableLayers(int epoch) {
        List<Integer> frozen = new ArrayList<>(frozenAtStart.descendingSet());
        int thawed = unfreezeEveryEpochs == 0 ? 0 : Math.min(frozen.size(), (epoch - 1) / unfreezeEveryEpochs);
        Set<Integer> stillFrozen = Set.copyOf(frozen.subList(thawed, frozen.size()));
        Set<String> trainable = new LinkedHashSet<>();
        for (int i = 0; i < layerNames.size(); i++) {
            if (!stillFrozen.contains(i)) {
                trainable.add(layerNames.get(i));
            }
        }
        return trainable;
    }

    /** The 1-based epoch in which a layer first trains; Integer.MAX_VALUE when it never does. */
    public int firstTrainingEpoch(String layer) {
        int index = layerNames.indexOf(layer);
        if (!frozenAtStart.contains(index)) {
            return 1;
        }
        if (unfreezeEveryEpochs == 0) {
            return Integer.MAX_VALUE;
        }
        int thawOrder = frozenAtStart.descendingSet().headSet(index, true).size();
        return thawOrder * unfreezeEveryEpochs + 1;
    }

    /** Layers frozen at the start of the run. */
    public int frozenAtStartCount() {
        return frozenAtStart.size();
    }
}
