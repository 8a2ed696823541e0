package dev.temper.engine.evaluation;

import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.corruptions.CorruptionSuite;
import dev.temper.engine.evaluation.corruptions.CorruptionSummary;
import dev.temper.engine.evaluation.corruptions.NoiseResult;
import dev.temper.engine.evaluation.metrics.ClassificationMetrics;
import dev.temper.engine.evaluation.metrics.Logits;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.model.Standardization;
import dev.temper.engine.model.TensorFlowRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Runs every section of an {@link EvaluationSpec} on one exported model. Clean, noise, corruption and
 * shift predictions come from DJL's Predictor on the SavedModel (what is served); only the attacks'
 * search uses the TF graph for gradients.
 */
final class RobustnessSuite {

    private RobustnessSuite() {
    }

    static RobustnessReport run(Path modelDir, TabularData test, EvaluationSpec spec, Path baselineModelDir,
                                SuiteProgress progress) {
        ModelManifest manifest = ModelManifest.read(modelDir);
        checkFits(test, manifest, "test");
        if (spec.shiftedTest() != null) {
            checkFits(spec.shiftedTest(), manifest, "shiftedTest");
        }
        if (spec.imageShape() != null && spec.imageShape().size() != manifest.inputDim()) {
            throw new IllegalArgumentException("imageShape " + spec.imageShape() + " has " + spec.imageShape().size()
                    + " values but the model takes " + manifest.inputDim());
        }
        ModelManifest baseline = baselineModelDir == null ? null : ModelManifest.read(baselineModelDir);
        if (baseline != null
                && (baseline.inputDim() != manifest.inputDim() || baseline.classCount() != manifest.classCount())) {
            throw new IllegalArgumentException("the baseline model's inputs or classes differ from the evaluated model's");
        }
        TensorFlowRuntime.engine();
        TabularData sample = ExampleSample.of(test, spec.maxExamples(), spec.seed());
        Standardization standardization = manifest.standardization();
        float[][] inputs = standardization.apply(sample.features());
        int[] labels = sample.labels();
        try (DjlInference djl = new DjlInference(modelDir, manifest.inputDim())) {
            long start = System.nanoTime();
            float[][] cleanLogits = djl.logits(inputs);
            ClassificationMetrics clean = ClassificationMetrics.of(cleanLogits, labels, manifest.classCount());
            progress.finished(SuiteStep.since(start, "clean", String.format(Locale.ROOT, "accuracy %.2f%% on %,d examples",
                    100 * clean.accuracy().value(), labels.length)));
            AdversarialEvaluation.Outcome attacks = spec.threatModel().epsilons().isEmpty()
                    ? new AdversarialEvaluation.Outcome(null, List.of(), new TreeMap<>(), null)
                    : AdversarialEvaluation.run(modelDir, manifest, djl::logits, sample.features(), labels, spec,
                            baselineModelDir, progress);
            AttackSpace space = AttackSpace.of(spec.threatModel(), standardization, spec.trainStd());
            start = System.nanoTime();
            NoiseResult noise = CorruptionSuite.noise(space.judge(djl::logits), space.fromRaw(sample.features()),
                    labels, spec.noiseSigmas(), space.bounds(), spec.seed());
            progress.finished(SuiteStep.since(start, "noise", spec.noiseSigmas().size() + " sigmas"));
            CorruptionSummary corruptions = null;
            if (spec.corruptions()) {
                start = System.nanoTime();
                corruptions = corruptions(djl, standardization, baselineModelDir, baseline, sample, spec);
                progress.finished(SuiteStep.since(start, "corruptions", String.format(Locale.ROOT,
                        "mean accuracy %.2f%%", 100 * corruptions.meanCorruptionAccuracy())));
            }
            DomainShiftResult shift = null;
            if (spec.shiftedTest() != null) {
                start = System.nanoTime();
                shift = shift(djl, standardization, spec, manifest, clean);
                progress.finished(SuiteStep.since(start, "domain shift", String.format(Locale.ROOT,
                        "accuracy %.2f%% on %,d shifted examples", 100 * shift.metrics().accuracy().value(),
                        shift.examples())));
            }
            SuiteProvenance provenance = new SuiteProvenance(ContentHash.of(modelDir), spec.seed(), labels.length,
                    test.size(), SuiteProvenance.currentEngineVersion(), TensorFlowRuntime.tensorflowVersion(),
                    TensorFlowRuntime.djlVersion());
            int[] positions = ExampleSample.indices(test.size(), spec.maxExamples(), spec.seed());
            PerExampleOutcomes perExample = new PerExampleOutcomes(labels.length, positions,
                    PerExampleOutcomes.bits(Logits.correct(cleanLogits, labels)), attacks.survived());
            return new RobustnessReport(provenance, spec, clean, attacks.adversarial(), attacks.flags(), noise,
                    corruptions, shift, perExample,
                    attacks.strip() == null ? null : attacks.strip().withPositions(positions));
        }
    }

    /** Corruptions act on raw [0, 1] images; each model then standardizes them its own way. */
    private static CorruptionSummary corruptions(DjlInference djl, Standardization standardization, Path baselineDir,
                                                 ModelManifest baseline, TabularData sample, EvaluationSpec spec) {
        checkUnitRange(sample.features());
        if (baseline == null) {
            return CorruptionSuite.evaluate(raw -> djl.logits(standardization.apply(raw)), null, null,
                    sample.features(), sample.labels(), spec.imageShape(), spec.seed());
        }
        try (DjlInference baselineDjl = new DjlInference(baselineDir, baseline.inputDim())) {
            Standardization baselineStandardization = baseline.standardization();
            return CorruptionSuite.evaluate(raw -> djl.logits(standardization.apply(raw)),
                    raw -> baselineDjl.logits(baselineStandardization.apply(raw)), ContentHash.of(baselineDir),
                    sample.features(), sample.labels(), spec.imageShape(), spec.seed());
        }
    }

    private static DomainShiftResult shift(DjlInference djl, Standardization standardization, EvaluationSpec spec,
                                           ModelManifest manifest, ClassificationMetrics clean) {
        TabularData shifted = ExampleSample.of(spec.shiftedTest(), spec.maxExamples(), spec.seed());
        ClassificationMetrics metrics = ClassificationMetrics.of(djl.logits(standardization.apply(shifted.features())),
                shifted.labels(), manifest.classCount());
        return new DomainShiftResult(shifted.size(), metrics, clean.accuracy().value() - metrics.accuracy().value());
    }

    /** Corruptions model pixel intensities; other raw scales would make severities meaningless. */
    private static void checkUnitRange(float[][] images) {
        for (int i = 0; i < images.length; i++) {
            for (float value : images[i]) {
                if (!(value >= 0f && value <= 1f)) {
                    throw new IllegalArgumentException("corruptions need raw image values in [0, 1]; test row " + i
                            + " has " + value);
                }
            }
        }
    }

    private static void checkFits(TabularData data, ModelManifest manifest, String name) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(name + " must contain at least one row");
        }
        if (data.classCount() != manifest.classCount() || data.featureCount() != manifest.inputDim()) {
            throw new IllegalArgumentException(name + " (" + data.featureCount() + " features, " + data.classCount()
                    + " classes) does not fit the model (" + manifest.inputDim() + " features, "
                    + manifest.classCount() + " classes)");
        }
    }
}
