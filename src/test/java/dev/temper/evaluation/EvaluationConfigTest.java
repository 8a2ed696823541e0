package dev.temper.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.JobKind;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import dev.temper.testsupport.ConfigMappings;
import io.smallrye.config.ConfigValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** temper.evaluation.* becomes the engine's suite on the server, and reaches the worker as it is. */
class EvaluationConfigTest {

    @Test
    void theSettingsAreTheSuiteTheEngineRuns() {
        EvaluationSpec suite = ConfigMappings.load(EvaluationConfig.class, Map.of(
                "temper.evaluation.attack-epsilons", "0.2,0.05", "temper.evaluation.suite", "QUICK",
                "temper.evaluation.norm", "L2", "temper.evaluation.max-examples", "300")).settings();

        assertThat(suite).isEqualTo(new EvaluationSpec(new ThreatModel(Norm.L2, List.of(0.05, 0.2),
                EpsilonUnit.TRAIN_STD), SuiteVersion.QUICK, List.of(0.1, 0.3), false, null, null, null, 1234, 300));
    }

    @Test
    void byDefaultTheStandardSuiteRunsOnTheWholeTestSplit() {
        EvaluationSpec suite = ConfigMappings.load(EvaluationConfig.class, Map.of()).settings();

        assertThat(suite.suite()).isEqualTo(SuiteVersion.STANDARD);
        assertThat(suite.maxExamples()).isEqualTo(EvaluationSpec.WHOLE_SPLIT);
        assertThat(suite.threatModel().norm()).isEqualTo(Norm.LINF);
    }

    @Test
    void valuesOutOfBoundsStopTheServerFromStarting() {
        assertThatThrownBy(() -> ConfigMappings.load(EvaluationConfig.class,
                Map.of("temper.evaluation.attack-epsilons", "0.1,-0.3")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("temper.evaluation.attack-epsilons");
        assertThatThrownBy(() -> ConfigMappings.load(EvaluationConfig.class,
                Map.of("temper.evaluation.max-examples", "-1")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("temper.evaluation.max-examples");
    }

    @Test
    void theWorkerReadsTheSuiteTheServerSends() throws Exception {
        EvaluationSpec suite = ConfigMappings.load(EvaluationConfig.class, Map.of()).settings(EpsilonUnit.RAW_FEATURES);
        WorkerJobSpec sent = new WorkerJobSpec(9, JobKind.EVALUATE, null, null, 2, List.of("a", "b"), true, false,
                suite, OverlapCheck.CHECKED, 1, 0, 10);
        // The worker's client reads with a plain ObjectMapper, as here.
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();

        WorkerJobSpec received = json.readValue(json.writeValueAsBytes(sent), WorkerJobSpec.class);

        assertThat(received.evaluation()).isEqualTo(suite);
        assertThat(received.evaluation().threatModel().unit()).isEqualTo(EpsilonUnit.RAW_FEATURES);
        assertThat(received.overlapCheck()).isEqualTo(OverlapCheck.CHECKED);
    }
}
