package dev.temper.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.base.Json;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.JobKind;
import dev.temper.engine.strategy.AdversarialSpec;
import org.junit.jupiter.api.Test;

/** The REST API's strategy parsing for TRADES and MART, without a server: beta's default and its refusal. */
class JobRequestStrategyTest {

    @Test
    void aTradesRequestWithoutBetaGetsTheDefault() {
        AdversarialSpec adversarial = submit("{\"adversarial\": {\"method\": \"TRADES\", \"epsilon\": 0.1,"
                + " \"stepSize\": 0.02, \"steps\": 5}}").strategy().adversarial();

        assertThat(adversarial).isEqualTo(new AdversarialSpec(AdversarialSpec.Method.TRADES, 0.1, 0.02, 5, false, 1,
                false, 0, AdversarialSpec.DEFAULT_BETA));
    }

    @Test
    void aMartRequestKeepsItsBeta() {
        assertThat(submit("{\"adversarial\": {\"method\": \"MART\", \"epsilon\": 0.1, \"stepSize\": 0.02,"
                + " \"steps\": 5, \"beta\": 3}}").strategy().adversarial().beta()).isEqualTo(3.0);
    }

    @Test
    void aBetaOutOfBoundsIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> submit("{\"adversarial\": {\"method\": \"TRADES\", \"epsilon\": 0.1,"
                + " \"stepSize\": 0.02, \"steps\": 5, \"beta\": 200}}"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("strategy: beta must be in (0, 100.0], was 200.0");
    }

    private static JobSubmission submit(String strategy) {
        JsonNode node = Json.read(strategy, JsonNode.class);
        return new JobRequest(JobKind.PRETRAIN, "m", 1L, null, null, node, "team", null, null, null, null)
                .toSubmission();
    }
}
