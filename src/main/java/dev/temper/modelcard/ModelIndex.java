package dev.temper.modelcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.temper.modelcard.ModelCardFacts.EvaluationFacts;
import dev.temper.modelcard.ModelCardFacts.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hugging Face metadata for a card: {@code tags} and {@code model-index} with one result per evaluation (task,
 * dataset with the version's SHA-256 as revision, metrics). Robust accuracies carry their threat model in
 * {@code metrics[].args} (norm, epsilon, unit, attacks, suite, examples, 95% interval); values are fractions.
 */
final class ModelIndex {

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // A dataset named "2024" must stay a string when the YAML is read back.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .findAndRegisterModules();

    private ModelIndex() {
    }

    /** The front matter as an ordered map, ready for YAML or JSON. */
    static Map<String, Object> of(ModelCardFacts facts) {
        List<Object> results = new ArrayList<>();
        for (EvaluationFacts evaluation : facts.evaluations()) {
            results.add(result(evaluation));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", facts.details().name());
        model.put("results", results);
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("tags", List.of("temper", "adversarial-robustness", "tensorflow", "savedmodel"));
        front.put("model-index", List.of(model));
        return front;
    }

    static String yaml(Map<String, Object> frontMatter) {
        try {
            return YAML.writeValueAsString(frontMatter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the model-index as YAML", e);
        }
    }

    /** Reads front matter YAML back, to serve a frozen card's model-index as JSON from the hashed Markdown. */
    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The card's front matter is not YAML", e);
        }
    }

    private static Map<String, Object> result(EvaluationFacts e) {
        Map<String, Object> task = new LinkedHashMap<>();
        boolean image = "IMAGE".equals(e.dataset().kind());
        task.put("type", image ? "image-classification" : "tabular-classification");
        task.put("name", image ? "Image classification" : "Tabular classification");
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("type", "temper/" + e.dataset().team() + "/" + e.dataset().name());
        dataset.put("name", e.dataset().label());
        dataset.put("split", "test");
        dataset.put("revision", e.dataset().sha256());
        List<Object> metrics = new ArrayList<>();
        Map<String, Object> cleanArgs = new LinkedHashMap<>();
        cleanArgs.put("examples", e.examples());
        putInterval(cleanArgs, e.clean());
        cleanArgs.put("excluded_overlap", e.excludedOverlap());
        pairedWithBase(e, null).ifPresent(paired -> cleanArgs.put("paired_with_base", paired));
        metrics.add(metric("accuracy", "Clean accuracy", e.clean().value(), cleanArgs));
        e.worstCase().forEach((epsilon, estimate) -> {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("norm", norm(e.norm()));
            args.put("epsilon", epsilon);
            args.put("unit", e.unit() == null ? null : e.unit().toLowerCase(Locale.ROOT));
            args.put("attacks", e.attacks().isEmpty() ? List.copyOf(e.byAttack().keySet())
                    : e.attacks().stream().map(ModelCardFacts.Attack::name).toList());
            args.put("aggregation", "per-example worst case");
            args.put("suite", e.suite());
            args.put("examples", estimate.examples() == null ? e.examples() : estimate.examples());
            putInterval(args, estimate);
            args.put("reliable", e.reliable());
            pairedWithBase(e, epsilon).ifPresent(paired -> args.put("paired_with_base", paired));
            metrics.add(metric("robust_accuracy", "Robust accuracy (" + MarkdownText.norm(e.norm()) + ", epsilon "
                    + MarkdownText.number(epsilon) + ")", estimate.value(), args));
        });
        if (e.expectedCalibrationError() != null) {
            metrics.add(metric("expected_calibration_error", "Expected calibration error (15 bins)",
                    e.expectedCalibrationError(), Map.of()));
        }
        if (e.meanCorruptionAccuracy() != null) {
            metrics.add(metric("mean_corruption_accuracy", "Mean accuracy over corruption types and severities 1-5",
                    e.meanCorruptionAccuracy(), Map.of("corruption_types", e.corruptions().size())));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", task);
        result.put("dataset", dataset);
        result.put("metrics", metrics);
        return result;
    }

    /**
     * McNemar's exact test against the base for one metric (clean when {@code epsilon} is null): the base's label,
     * the discordant counts and the p-value.
     */
    private static Optional<Map<String, Object>> pairedWithBase(EvaluationFacts e, Double epsilon) {
        if (e.base() == null || e.base().pairing() == null) {
            return Optional.empty();
        }
        return e.base().pairing().tests().stream().filter(t -> Objects.equals(t.epsilon(), epsilon)).findFirst()
                .map(test -> {
                    Map<String, Object> paired = new LinkedHashMap<>();
                    paired.put("base", e.base().baseLabel());
                    paired.put("test", "mcnemar_exact");
                    paired.put("examples", test.examples());
                    paired.put("n01", test.n01());
                    paired.put("n10", test.n10());
                    paired.put("p_value", test.pValue());
                    return paired;
                });
    }

    private static Map<String, Object> metric(String type, String name, double value, Map<String, Object> args) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("type", type);
        metric.put("name", name);
        metric.put("value", value);
        metric.put("verified", false);
        if (!args.isEmpty()) {
            metric.put("args", args);
        }
        return metric;
    }

    private static void putInterval(Map<String, Object> args, Estimate estimate) {
        if (estimate.lower() != null && estimate.upper() != null) {
            args.put("ci95", List.of(estimate.lower(), estimate.upper()));
        }
    }

    /** "Linf" or "L2", as robustness papers and RobustBench write them. */
    private static String norm(String norm) {
        return norm == null ? null : "LINF".equals(norm) ? "Linf" : norm;
    }
}
