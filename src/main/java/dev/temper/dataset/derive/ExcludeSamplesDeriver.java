package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries out {@link ExcludeSamplesDerivation}. */
final class ExcludeSamplesDeriver {

    private ExcludeSamplesDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, ExcludeSamplesDerivation exclude, OutputStream out)
            throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        BitSet excluded = new BitSet();
        for (int index : exclude.indices()) {
            SampleIndices.check(index, header);
            excluded.set(index);
        }
        DatasetHeader child = header.withSampleCount(header.sampleCount() - excluded.cardinality());
        SplitTally perSplit = new SplitTally();
        Map<String, Integer> perClass = new LinkedHashMap<>();
        ParentPasses.write(parent, child, out, (index, sample, writer) -> {
            if (excluded.get(index)) {
                perSplit.add(sample.split());
                perClass.merge(header.classNames().get(sample.label()), 1, Integer::sum);
            } else {
                writer.write(sample);
            }
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("excluded", excluded.cardinality());
        details.put("excludedPerSplit", perSplit.toMap());
        details.put("excludedPerClass", perClass);
        String description = "Excluded " + Words.count(excluded.cardinality(), "sample") + " (" + perSplit.describe()
                + ")";
        return new DerivationSummary(child, description, details);
    }
}
