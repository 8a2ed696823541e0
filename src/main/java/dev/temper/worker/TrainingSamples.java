package dev.temper.worker;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The samples a model learnt from: the hashes of the train and validation samples of its training version, taken
 * with that file's header (so images compare as the bytes both files store). A test example with the same hash was
 * seen in training and must not count toward the model's test accuracy.
 */
final class TrainingSamples implements Predicate<float[]> {

    private final DatasetHeader header;
    private final Set<String> hashes;

    private TrainingSamples(DatasetHeader header, Set<String> hashes) {
        this.header = header;
        this.hashes = hashes;
    }

    static TrainingSamples read(Path canonicalFile) throws IOException {
        try (InputStream in = Files.newInputStream(canonicalFile); DatasetFile.Reader reader = DatasetFile.reader(in)) {
            Set<String> hashes = new HashSet<>();
            while (reader.hasNext()) {
                Sample sample = reader.next();
                if (sample.split() == Split.TRAIN || sample.split() == Split.VALIDATION) {
                    hashes.add(DatasetFile.sampleHash(reader.header(), sample.values()));
                }
            }
            return new TrainingSamples(reader.header(), hashes);
        }
    }

    /** Whether these values are those of a train or validation sample; other shapes cannot match. */
    @Override
    public boolean test(float[] values) {
        return values.length == header.valueCount() && hashes.contains(DatasetFile.sampleHash(header, values));
    }

    int size() {
        return hashes.size();
    }
}
