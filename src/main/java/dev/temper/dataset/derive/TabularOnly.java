package dev.temper.dataset.derive;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;

/** Rejects operations about missing values on images, which cannot have any. */
final class TabularOnly {

    private TabularOnly() {
    }

    static void check(DatasetHeader header, String operation) {
        if (header.kind() != DataKind.TABULAR) {
            throw new IllegalArgumentException(operation + " applies to tabular datasets only; image datasets"
                    + " have no missing values");
        }
    }
}
