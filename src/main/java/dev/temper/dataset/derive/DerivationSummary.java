package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a derivation wrote and did.
 *
 * @param header      the header of the new file
 * @param description one plain sentence for people, such as "Dropped 14 exact duplicates"
 * @param details     JSON-friendly figures behind the sentence (counts per split, filled values, ...)
 */
public record DerivationSummary(DatasetHeader header, String description, Map<String, Object> details) {

    public DerivationSummary {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
