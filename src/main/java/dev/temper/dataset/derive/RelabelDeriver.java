package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Carries out {@link RelabelDerivation}. */
final class RelabelDeriver {

    private RelabelDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, RelabelDerivation relabel, OutputStream out)
            throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        Map<Integer, Integer> newLabels = new HashMap<>();
        relabel.newLabels().forEach((index, className) -> {
            SampleIndices.check(index, header);
            int label = header.classNames().indexOf(className);
            if (label < 0) {
                throw new IllegalArgumentException("Class '" + className + "' for sample " + index
                        + " is not one of this dataset's classes: " + String.join(", ", header.classNames()));
            }
            newLabels.put(index, label);
        });
        Map<String, Integer> changes = new LinkedHashMap<>();
        int[] unchanged = {0};
        ParentPasses.write(parent, header, out, (index, sample, writer) -> {
            Integer label = newLabels.get(index);
            if (label == null) {
                writer.write(sample);
            } else {
                if (label == sample.label()) {
                    unchanged[0]++;
                } else {
                    changes.merge(header.classNames().get(sample.label()) + " -> " + header.classNames().get(label), 1,
                            Integer::sum);
                }
                writer.write(sample.withLabel(label));
            }
        });
        int changed = newLabels.size() - unchanged[0];
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("relabelled", changed);
        details.put("alreadyLabelled", unchanged[0]);
        details.put("changes", changes);
        String description = "Relabelled " + Words.count(changed, "sample")
                + (unchanged[0] == 0 ? "" : "; " + unchanged[0] + " already had the class asked for");
        return new DerivationSummary(header, description, details);
    }
}
