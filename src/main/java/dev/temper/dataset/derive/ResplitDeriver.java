package dev.temper.dataset.derive;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries out {@link ResplitDerivation}. */
final class ResplitDeriver {

    private ResplitDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, ResplitDerivation resplit, OutputStream out)
            throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        int[] labels = new int[header.sampleCount()];
        String[] hashes = new String[header.sampleCount()];
        ParentPasses.read(parent, (index, sample) -> {
            labels[index] = sample.label();
            hashes[index] = DatasetFile.sampleHash(header, sample.values());
        });
        SplitPlan plan = resplit.plan();
        Split[] splits = SplitAssigner.assign(labels, hashes, header.classCount(), plan);
        DatasetHeader child = header.withSplits(plan);
        SplitTally perSplit = new SplitTally();
        int[] moved = {0};
        ParentPasses.write(parent, child, out, (index, sample, writer) -> {
            perSplit.add(splits[index]);
            if (splits[index] != sample.split()) {
                moved[0]++;
            }
            writer.write(sample.withSplit(splits[index]));
        });
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("perSplit", perSplit.toMap());
        details.put("moved", moved[0]);
        String description = "Reassigned the splits " + Words.percent(plan.train()) + "/"
                + Words.percent(plan.validation()) + "/" + Words.percent(plan.test()) + " with seed " + plan.seed()
                + ": " + perSplit.describe() + "; " + Words.count(moved[0], "sample") + " changed split";
        return new DerivationSummary(child, description, details);
    }
}
