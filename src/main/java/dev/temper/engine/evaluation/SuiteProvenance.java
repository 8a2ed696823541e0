package dev.temper.engine.evaluation;

/**
 * What reproduces a suite run: the exact model (content hash), the seed, how many examples were used and
 * the software that computed it.
 */
public record SuiteProvenance(String modelSha256, long seed, int examples, int testSetSize, String engineVersion,
                              String tensorflowVersion, String djlVersion) {

    /** Version of this engine from the jar manifest; "development" when run from classes (tests, IDE). */
    static String currentEngineVersion() {
        String version = RobustnessEvaluator.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
