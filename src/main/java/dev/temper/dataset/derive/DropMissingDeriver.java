package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries out {@link DropMissingDerivation}. */
final class DropMissingDeriver {

    private DropMissingDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, OutputStream out) throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        TabularOnly.check(header, "Dropping samples with missing values");
        BitSet dropped = new BitSet();
        SplitTally droppedPerSplit = new SplitTally();
        ParentPasses.read(parent, (index, sample) -> {
            if (hasMissing(sample.values())) {
                dropped.set(index);
                droppedPerSplit.add(sample.split());
            }
        });
        DatasetHeader child = ParentPasses.writeAllBut(parent, header, dropped, out);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dropped", dropped.cardinality());
        details.put("droppedPerSplit", droppedPerSplit.toMap());
        String description = dropped.isEmpty() ? "Found no samples with missing values; all samples were kept"
                : "Dropped " + Words.count(dropped.cardinality(), "sample") + " with missing values ("
                        + droppedPerSplit.describe() + ")";
        return new DerivationSummary(child, description, details);
    }

    static boolean hasMissing(float[] values) {
        for (float value : values) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }
}
