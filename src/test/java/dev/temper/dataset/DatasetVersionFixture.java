package dev.temper.dataset;

import dev.temper.base.Json;
import java.util.List;

/** Dataset versions built in memory for unit tests of rules that read them (no database). */
public final class DatasetVersionFixture {

    private DatasetVersionFixture() {
    }

    /** A current (not archived) version without missing values. */
    public static DatasetVersion version(String name, int version, List<String> classes, List<Integer> shape) {
        Dataset dataset = new Dataset();
        dataset.team = "team-a";
        dataset.name = name;
        DatasetVersion v = new DatasetVersion();
        v.dataset = dataset;
        v.team = dataset.team;
        v.version = version;
        v.classNamesJson = Json.write(classes);
        v.shapeJson = Json.write(shape);
        return v;
    }
}
