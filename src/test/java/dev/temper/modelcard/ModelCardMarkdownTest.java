package dev.temper.modelcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.modelcard.ModelCardFacts.BaseComparison;
import dev.temper.modelcard.ModelCardFacts.EvaluationFacts;
import dev.temper.modelcard.ModelCardFacts.Pairing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A card rendered from fixture records: every section, numbers with their intervals, and metadata that parses. */
class ModelCardMarkdownTest {

    private final String card = ModelCardMarkdown.render(CardFixture.pgdFineTuned());

    @Test
    void hasTheSectionsOfMitchellEtAlAndARobustnessSection() {
        assertThat(card).contains("# Model card: digits-cnn v2", "## Model details", "## Intended use",
                "## Factors and metrics", "## Training data", "## Evaluation data", "## Quantitative analyses",
                "## Ethical considerations and caveats", "## Robustness", "### Adversarial-training recipe",
                "### On digits v2 (evaluation #41)");
        assertThat(card.indexOf("## Model details")).isLessThan(card.indexOf("## Intended use"));
        assertThat(card.indexOf("## Quantitative analyses")).isLessThan(card.indexOf("## Robustness"));
    }

    @Test
    void quotesTheIntendedUseAsEnteredAndSaysWhenThereIsNone() {
        assertThat(card).contains("> Reading handwritten digits on bank forms.\n> Not for signatures.",
                "Stated by alice in approval request #5");
        String without = ModelCardMarkdown.render(CardFixture.facts(null, List.of()));
        assertThat(without).contains("No intended use was stated").contains("has not been evaluated yet")
                .doesNotContain("bank forms");
    }

    @Test
    void quotesTheRequestersCaveatsBeforeTheRecordedOnes() {
        String caveats = card.substring(card.indexOf("## Ethical considerations and caveats"));

        assertThat(caveats).startsWith("## Ethical considerations and caveats\n\nStated by alice in approval "
                + "request #5:\n\n> Digits written with a fountain pen were rare in the data.\n\nRecorded by Temper:");
        assertThat(ModelCardMarkdown.render(CardFixture.facts(null, List.of()))).doesNotContain("Recorded by Temper");
    }

    @Test
    void writesEveryAccuracyWithItsIntervalAndCounts() {
        assertThat(card).contains("97.0% (95% CI 95.8%–97.9%)")
                .contains("ε 0.1: 81.2% (95% CI 78.7%–83.5%; 812/1000)")
                .contains("ε 0.3: 40.3% (95% CI 37.3%–43.4%; 403/1000)");
        // The epsilon curve: a row per epsilon, the worst case and each attack; an attack not run at 0.3 is a dash.
        assertThat(card).contains("| Epsilon | Worst case | apgd-ce | square |")
                .contains("| 0.3 | 40.3% (95% CI 37.3%–43.4%; 403/1000) | 45.0% (95% CI 41.9%–48.1%; 450/1000) | — |");
    }

    @Test
    void namesTheThreatModelAttacksParametersCorruptionsAndRecipe() {
        assertThat(card).contains("L-inf, epsilon in pixel intensity, images in [0, 1]", "| apgd-ce | iterations = 100, restarts = 1 |",
                "| square | queries = 1000 |", "| GAUSSIAN_NOISE | 91.0% | 96.0% | 94.0% | 91.0% | 88.0% | 86.0% | 0.8000 |",
                "mCE relative to the base 0.8500",
                "- **Method:** PGD-7, epsilon 0.1, step 0.025, random start, 50% of each batch replaced",
                "seed 7", "engine 1.4.0");
    }

    @Test
    void caveatsCarryTheReliabilityFlagsAndTheOverlapExclusions() {
        String caveats = card.substring(card.indexOf("## Ethical considerations"), card.indexOf("## Robustness"));
        assertThat(caveats).contains("reliability check **NOT_MONOTONE** fired: accuracy rises from eps 0.1 to 0.2")
                .contains("12 test examples were left out because the model's training data holds the same samples");
        assertThat(card).contains("| digits v2 | 97.0% (95% CI 95.8%–97.9%) |").contains("| **no** |");
    }

    @Test
    void comparesWithTheBaseModelOnTheSameDatasetVersion() {
        assertThat(card).contains("Compared with the base model digits-cnn v1")
                .contains("| Clean accuracy | 98.5% (95% CI 97.6%–99.1%) | 97.0% (95% CI 95.8%–97.9%) | -1.5 pp |")
                .contains("| Robust accuracy, ε 0.1 | 41.2% (95% CI 38.2%–44.3%; 412/1000) | "
                        + "81.2% (95% CI 78.7%–83.5%; 812/1000) | +40.0 pp |");
        String noBaseResult = ModelCardMarkdown.render(CardFixture.facts(null,
                List.of(CardFixture.evaluation(List.of(), null))));
        assertThat(noBaseResult).contains("The base model digits-cnn v1 has no evaluation on digits v2");
    }

    @Test
    void pairsCleanAndEachEpsilonWithTheBaseByMcNemarsExactTest() {
        String robustness = card.substring(card.indexOf("## Robustness"));
        assertThat(robustness).contains("Paired comparison with the base on the same 1000 test examples")
                .contains("| Clean | 4 | 19 | 0.0026 | digits-cnn v1 is more accurate on clean inputs")
                .contains("| Robust, ε 0.1 | 420 | 20 | 1.5e-98 | digits-cnn v2 is more robust at epsilon 0.1")
                .contains("not corrected for multiplicity");

        EvaluationFacts unpaired = CardFixture.evaluation(List.of(), new BaseComparison("digits-cnn v1",
                CardFixture.base().clean(), CardFixture.base().worstCase(), "same",
                Pairing.unavailable("Evaluation 40 was recorded before per-example outcomes were kept")));
        String withoutTests = ModelCardMarkdown.render(CardFixture.facts(null, List.of(unpaired)));
        assertThat(withoutTests).contains("No paired per-example test with the base: Evaluation 40 was recorded "
                + "before per-example outcomes were kept").doesNotContain("| Clean | 4 | 19 |");
    }

    @Test
    void theModelIndexCarriesThePairedTestWithTheBaseInMetricArgs() throws Exception {
        JsonNode metrics = new YAMLMapper().readTree(card.substring(4, card.indexOf("\n---\n", 4) + 1))
                .at("/model-index/0/results/0/metrics");
        JsonNode clean = metrics.get(0).at("/args/paired_with_base");
        assertThat(clean.get("base").asText()).isEqualTo("digits-cnn v1");
        assertThat(clean.get("test").asText()).isEqualTo("mcnemar_exact");
        assertThat(clean.get("n01").asInt()).isEqualTo(4);
        assertThat(clean.get("n10").asInt()).isEqualTo(19);
        assertThat(clean.get("p_value").asDouble()).isEqualTo(McNemar.exactPValue(4, 19));
        JsonNode robust = metrics.get(1).at("/args/paired_with_base");
        assertThat(robust.get("n01").asInt()).isEqualTo(420);
        assertThat(robust.get("p_value").asDouble()).isLessThan(1e-90);
        // Epsilon 0.3 was not measured on the base: nothing to pair, nothing claimed.
        assertThat(metrics.get(2).at("/args/epsilon").asDouble()).isEqualTo(0.3);
        assertThat(metrics.get(2).at("/args/paired_with_base").isMissingNode()).isTrue();
    }

    @Test
    void frontMatterIsHuggingFaceModelIndexWithTheThreatModelInMetricArgs() throws Exception {
        assertThat(card).startsWith("---\n");
        String yaml = card.substring(4, card.indexOf("\n---\n", 4) + 1);
        JsonNode front = new YAMLMapper().readTree(yaml);
        JsonNode result = front.get("model-index").get(0).get("results").get(0);
        assertThat(front.get("model-index").get(0).get("name").asText()).isEqualTo("digits-cnn");
        assertThat(result.at("/task/type").asText()).isEqualTo("image-classification");
        assertThat(result.at("/dataset/revision").asText()).isEqualTo(CardFixture.DIGITS_SHA);
        assertThat(result.at("/dataset/split").asText()).isEqualTo("test");
        JsonNode clean = result.get("metrics").get(0);
        assertThat(clean.get("type").asText()).isEqualTo("accuracy");
        assertThat(clean.get("value").asDouble()).isEqualTo(0.97);
        JsonNode robust = result.get("metrics").get(1);
        assertThat(robust.get("type").asText()).isEqualTo("robust_accuracy");
        assertThat(robust.get("value").asDouble()).isEqualTo(0.812);
        assertThat(robust.at("/args/norm").asText()).isEqualTo("Linf");
        assertThat(robust.at("/args/epsilon").asDouble()).isEqualTo(0.1);
        assertThat(robust.at("/args/unit").asText()).isEqualTo("pixels");
        assertThat(robust.at("/args/attacks/0").asText()).isEqualTo("apgd-ce");
        assertThat(robust.at("/args/ci95/0").asDouble()).isEqualTo(0.787);
        assertThat(robust.at("/args/reliable").asBoolean()).isFalse();
        assertThat(result.get("metrics").get(2).at("/args/epsilon").asDouble()).isEqualTo(0.3);
    }

    @Test
    void theSameRecordsGiveTheSameBytes() {
        assertThat(ModelCardMarkdown.render(CardFixture.pgdFineTuned())).isEqualTo(card);
    }

    @Test
    void markdownInRecordedTextCannotBreakATable() {
        assertThat(MarkdownText.cell("a | b\nc")).isEqualTo("a \\| b c");
    }
}
