package dev.temper.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.io.EngineJson;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** TRADES and MART in the spec: beta's default, bounds and JSON, and what the methods need. */
class AdversarialSpecTest {

    @Test
    void betaIsRefusedOutsideItsBoundsNamingTheField() {
        refused(() -> AdversarialSpec.trades(0.1, 0.02, 5, 0), "beta", "beta must be in (0, 100.0], was 0.0");
        refused(() -> AdversarialSpec.trades(0.1, 0.02, 5, -1), "beta", "beta must be in (0, 100.0], was -1.0");
        refused(() -> AdversarialSpec.mart(0.1, 0.02, 5, 100.5), "beta", "beta must be in (0, 100.0], was 100.5");
        refused(() -> AdversarialSpec.mart(0.1, 0.02, 5, Double.NaN), "beta", "beta must be in (0, 100.0], was NaN");
        assertThat(AdversarialSpec.trades(0.1, 0.02, 5, 100).beta()).isEqualTo(100);
    }

    @Test
    void tradesAndMartNeedAnEpsilonAndAStepSizeLikePgd() {
        refused(() -> AdversarialSpec.trades(0, 0.02, 5, 6), "epsilon", "epsilon must be > 0 for TRADES");
        refused(() -> AdversarialSpec.trades(0.1, 0, 5, 6), "stepSize", "stepSize must be > 0 for TRADES");
        refused(() -> AdversarialSpec.mart(0.1, 0, 5, 6), "stepSize", "stepSize must be > 0 for MART");
        refused(() -> AdversarialSpec.mart(0.1, 0.02, 0, 6), "steps", "steps must be between 1 and 1000, was 0");
        refused(() -> new AdversarialSpec(AdversarialSpec.Method.PGD, 0.1, 0, 3, true, 1, false, 0), "stepSize",
                "stepSize must be > 0 for PGD");
    }

    @Test
    void theOlderConstructorAndFactoriesTakeTheDefaultBeta() {
        assertThat(AdversarialSpec.none().beta()).isEqualTo(AdversarialSpec.DEFAULT_BETA);
        assertThat(AdversarialSpec.pgd(0.1, 0.02, 5, 0.5).beta()).isEqualTo(6.0);
        assertThat(new AdversarialSpec(AdversarialSpec.Method.FGSM, 0.1, 0, 1, false, 1, true, 0).beta())
                .isEqualTo(6.0);
        assertThat(AdversarialSpec.trades(0.1, 0.02, 5, 2).withWarmup(3))
                .isEqualTo(new AdversarialSpec(AdversarialSpec.Method.TRADES, 0.1, 0.02, 5, false, 1, false, 3, 2));
    }

    @Test
    void jsonWithoutBetaReadsAsTheDefaultAndBetaRoundTrips() throws Exception {
        ObjectMapper json = EngineJson.mapper();
        String stored = "{\"method\":\"PGD\",\"epsilon\":0.1,\"stepSize\":0.04,\"steps\":5,\"randomStart\":true,"
                + "\"ratio\":0.5,\"keepClean\":false,\"warmupEpochs\":2}";

        assertThat(json.readValue(stored, AdversarialSpec.class))
                .isEqualTo(AdversarialSpec.pgd(0.1, 0.04, 5, 0.5).withWarmup(2));
        AdversarialSpec trades = AdversarialSpec.trades(0.1, 0.02, 7, 3.5);
        String written = json.writeValueAsString(trades);
        assertThat(written).contains("\"method\":\"TRADES\"").contains("\"beta\":3.5");
        assertThat(json.readValue(written, AdversarialSpec.class)).isEqualTo(trades);
        assertThat(json.readValue("{\"method\":\"MART\",\"epsilon\":0.1,\"stepSize\":0.02,\"steps\":3,\"ratio\":1}",
                AdversarialSpec.class)).isEqualTo(AdversarialSpec.mart(0.1, 0.02, 3, 6));
    }

    @Test
    void aBetaRefusedInJsonStillNamesTheField() {
        assertThatThrownBy(() -> EngineJson.mapper().readValue("{\"method\":\"TRADES\",\"epsilon\":0.1,"
                + "\"stepSize\":0.02,\"steps\":3,\"ratio\":1,\"beta\":0}", AdversarialSpec.class))
                .rootCause().isInstanceOf(InvalidSpecException.class).hasMessage("beta must be in (0, 100.0], was 0.0");
    }

    @Test
    void onlyTradesAndMartPairCleanAndAdversarialRows() {
        assertThat(AdversarialSpec.Method.TRADES.paired()).isTrue();
        assertThat(AdversarialSpec.Method.MART.paired()).isTrue();
        assertThat(AdversarialSpec.Method.PGD.paired()).isFalse();
        assertThat(AdversarialSpec.Method.FGSM.iterative()).isFalse();
        assertThat(AdversarialSpec.Method.MART.iterative()).isTrue();
    }

    private static void refused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidSpecException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }
}
