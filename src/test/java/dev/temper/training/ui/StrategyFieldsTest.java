package dev.temper.training.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.InvalidSpecException;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.training.TrainingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyFieldsTest {

    /** A cloned job's strategy with settings the form has no field for. */
    private static final TrainingStrategy CLONED = TrainingSettings.defaultStrategy()
            .withOptimizer(OptimizerSpec.sgd(0.05, 0.8))
            .withSchedule(ScheduleSpec.step(3, 0.5))
            .withFreeze(new FreezeSpec(0, List.of("dense0"), 0, 0))
            .withEarlyStopping(new EarlyStoppingSpec(true, EarlyStoppingSpec.Metric.VALIDATION_ACCURACY, 4, 0.01))
            .withAugmentation(AugmentationSpec.tabular(0.05, 0.2))
            .withAdversarial(new AdversarialSpec(AdversarialSpec.Method.PGD, 0.1, 0.04, 5, false, 0.5, true, 2));

    @Test
    void anUntouchedFormReadsTheDefaultStrategy() {
        assertThat(new StrategyFields().read()).isEqualTo(TrainingSettings.defaultStrategy());
    }

    @Test
    void aClonedStrategyReadsBackUnchangedWhenNothingIsEdited() {
        StrategyFields fields = new StrategyFields();
        fields.startFrom(CLONED);
        assertThat(fields.read()).isEqualTo(CLONED);
    }

    @Test
    void editingAFieldChangesOnlyThatSettingAndKeepsThoseWithoutAField() {
        StrategyFields fields = new StrategyFields();
        fields.startFrom(CLONED);
        fields.epochs.setValue(3);
        fields.patience.setValue(2);

        TrainingStrategy edited = fields.read();

        assertThat(edited.epochs()).isEqualTo(3);
        assertThat(edited.earlyStopping())
                .isEqualTo(new EarlyStoppingSpec(true, EarlyStoppingSpec.Metric.VALIDATION_ACCURACY, 2, 0.01));
        assertThat(edited.augmentation().featureDropout()).isEqualTo(0.2);
        assertThat(edited.freeze().layerNames()).containsExactly("dense0");
        assertThat(edited.adversarial()).isEqualTo(CLONED.adversarial());
        assertThat(edited.optimizer()).isEqualTo(CLONED.optimizer());
    }

    @Test
    void aNewAttackBudgetGetsTheCustomaryStepSizeInsteadOfTheClonedOne() {
        StrategyFields fields = new StrategyFields();
        fields.startFrom(CLONED);
        fields.epsilon.setValue(0.2);

        AdversarialSpec attack = fields.read().adversarial();

        assertThat(attack.stepSize()).isEqualTo(2.5 * 0.2 / 5);
        assertThat(attack.keepClean()).isTrue();
        assertThat(attack.warmupEpochs()).isEqualTo(2);
    }

    @Test
    void aRefusedValueIsShownOnItsOwnField() {
        StrategyFields fields = new StrategyFields();
        fields.learningRate.setValue(-1.0);

        assertThatThrownBy(fields::read).isInstanceOf(InvalidSpecException.class);

        assertThat(fields.learningRate.isInvalid()).isTrue();
        assertThat(fields.learningRate.getErrorMessage()).startsWith("learningRate must be");
        assertThat(fields.epochs.isInvalid()).isFalse();
    }

    @Test
    void theAttacksWarmUpIsNotMistakenForTheSchedules() {
        StrategyFields fields = new StrategyFields();
        fields.attack.setValue(AdversarialSpec.Method.FGSM);
        fields.epsilonWarmup.setValue(-1);

        assertThatThrownBy(fields::read).isInstanceOf(InvalidSpecException.class);

        assertThat(fields.epsilonWarmup.isInvalid()).isTrue();
        assertThat(fields.warmupEpochs.isInvalid()).isFalse();
    }

    @Test
    void aCorrectedValueIsNoLongerMarked() {
        StrategyFields fields = new StrategyFields();
        fields.dropout.setValue(1.0);
        assertThatThrownBy(fields::read).isInstanceOf(InvalidSpecException.class);
        assertThat(fields.dropout.isInvalid()).isTrue();

        fields.dropout.setValue(0.25);

        assertThat(fields.read().regularization().dropout()).isEqualTo(0.25);
        assertThat(fields.dropout.isInvalid()).isFalse();
    }

    @Test
    void tradesTakesItsStepsAndBetaAndLeavesTheBatchShareAside() {
        StrategyFields fields = new StrategyFields();
        fields.attack.setValue(AdversarialSpec.Method.TRADES);
        fields.epsilon.setValue(0.1);
        fields.pgdSteps.setValue(5);
        fields.beta.setValue(3.0);

        assertThat(fields.beta.isVisible()).isTrue();
        assertThat(fields.pgdSteps.isVisible()).isTrue();
        assertThat(fields.ratio.isVisible()).isFalse();
        assertThat(fields.read().adversarial()).isEqualTo(AdversarialSpec.trades(0.1, 2.5 * 0.1 / 5, 5, 3.0));
    }

    @Test
    void aClonedMartStrategyReadsBackUnchangedAndABadBetaIsShownOnItsField() {
        TrainingStrategy mart = CLONED.withAdversarial(AdversarialSpec.mart(0.05, 0.01, 4, 8).withWarmup(1));
        StrategyFields fields = new StrategyFields();
        fields.startFrom(mart);
        assertThat(fields.read()).isEqualTo(mart);
        assertThat(fields.beta.isVisible()).isTrue();

        fields.beta.setValue(0.0);

        assertThatThrownBy(fields::read).isInstanceOf(InvalidSpecException.class);
        assertThat(fields.beta.isInvalid()).isTrue();
        assertThat(fields.beta.getErrorMessage()).startsWith("beta must be in (0, 100.0]");
    }

    @Test
    void betaIsHiddenForPgd() {
        StrategyFields fields = new StrategyFields();
        fields.attack.setValue(AdversarialSpec.Method.PGD);

        assertThat(fields.beta.isVisible()).isFalse();
        assertThat(fields.ratio.isVisible()).isTrue();
    }
}
