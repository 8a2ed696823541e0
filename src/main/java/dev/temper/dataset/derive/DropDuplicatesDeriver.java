package dev.temper.dataset.derive;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries out {@link DropDuplicatesDerivation}. */
final class DropDuplicatesDeriver {

    private DropDuplicatesDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, OutputStream out) throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        Map<String, Split> firstSplitByHash = new HashMap<>();
        BitSet dropped = new BitSet();
        SplitTally droppedPerSplit = new SplitTally();
        int[] acrossSplits = {0};
        ParentPasses.read(parent, (index, sample) -> {
            Split first = firstSplitByHash.putIfAbsent(DatasetFile.sampleHash(header, sample.values()), sample.split());
            if (first != null) {
                dropped.set(index);
                droppedPerSplit.add(sample.split());
                if (first != sample.split()) {
                    acrossSplits[0]++;
                }
            }
        });
        DatasetHeader child = ParentPasses.writeAllBut(parent, header, dropped, out);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dropped", dropped.cardinality());
        details.put("droppedPerSplit", droppedPerSplit.toMap());
        details.put("droppedAcrossSplits", acrossSplits[0]);
        String description = dropped.isEmpty() ? "Found no exact duplicates; all samples were kept"
                : "Dropped " + Words.count(dropped.cardinality(), "exact duplicate") + " (" + droppedPerSplit.describe()
                        + "), " + acrossSplits[0] + " of them copies of a sample in another split";
        return new DerivationSummary(child, description, details);
    }
}
