package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;

/** Checks sample positions that people typed or picked against the parent. */
final class SampleIndices {

    private SampleIndices() {
    }

    static void check(int index, DatasetHeader header) {
        if (index >= header.sampleCount()) {
            throw new IllegalArgumentException("Sample index " + index + " does not exist; the dataset has "
                    + Words.count(header.sampleCount(), "sample") + (header.sampleCount() == 0 ? ""
                            : " (indices 0 to " + (header.sampleCount() - 1) + ")"));
        }
    }
}
