package dev.temper.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's settings in words, as the model page and the model card show them. */
class StrategyTextTest {

    @Test
    void describesEachPartThatDoesSomething() {
        TrainingStrategy strategy = TrainingStrategy.of(6, 64, 0.001, 42)
                .withOptimizer(OptimizerSpec.sgd(0.01, 0.9))
                .withSchedule(ScheduleSpec.cosine().withWarmup(1))
                .withAdversarial(AdversarialSpec.pgd(0.1, 0.025, 7, 0.5))
                .withRegularization(new RegularizationSpec(0.0005, 0.2, 0))
                .withFreeze(FreezeSpec.firstLayers(1));
        List<String> lines = StrategyText.lines(new TrainingSettings(strategy,
                ArchitectureSpec.cnn(28, 28, 1, List.of(16, 32), List.of(64))));

        assertThat(lines).containsExactly(
                "Architecture: CNN on 28x28x1 images, convolutions [16, 32], dense [64]",
                "6 epochs, batch 64, seed 42",
                "Optimizer: SGD at learning rate 0.01, momentum 0.9",
                "Schedule: cosine decay, 1 warm-up epochs",
                "Adversarial training: PGD-7, epsilon 0.1, step 0.025, random start, 50% of each batch replaced",
                "Regularisation: weight decay 0.0005, dropout 0.2",
                "Frozen layers: the first 1");
    }

    @Test
    void namesEveryAdversarialMethod() {
        assertThat(StrategyText.adversarial(AdversarialSpec.none())).isEqualTo("none (clean training)");
        assertThat(StrategyText.adversarial(AdversarialSpec.fgsmBesideClean(0.3)))
                .isEqualTo("FGSM, epsilon 0.3, adversarial copies beside every clean row");
        assertThat(StrategyText.adversarial(AdversarialSpec.trades(0.1, 0.02, 10, 6)))
                .isEqualTo("TRADES (10 steps), epsilon 0.1, step 0.02, beta 6");
    }
}
