package dev.temper.worker;

import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.contract.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The worker's overlap check, opened to tests in other packages that play the worker against a real server. */
public final class WorkerOverlap {

    /** Which test examples the worker evaluates, by test-split position, and how many it left out. */
    public record Selection(int[] positions, int excluded) {
    }

    private WorkerOverlap() {
    }

    /** The train and validation samples of a training version's canonical file, as the worker hashes them. */
    public static Predicate<float[]> seenIn(Path canonicalFile) throws IOException {
        return TrainingSamples.read(canonicalFile);
    }

    /** The worker's selection of a test split (whole split, no cap). */
    public static Selection select(List<Sample> test, Predicate<float[]> seen) {
        float[][] features = test.stream().map(Sample::values).toArray(float[][]::new);
        int[] labels = test.stream().mapToInt(Sample::label).toArray();
        TestSelection selection = TestSelection.of(new SplitRows(features, labels), seen, 0, 0);
        return new Selection(selection.positions(), selection.excluded());
    }
}
