package dev.temper.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.InvalidSpecException;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.ScheduleSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.training.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fine-tuning strategy's fields, turned into the engine's {@link TrainingStrategy}. The engine's
 * records validate every value; the field an {@link InvalidSpecException} names shows its message.
 * The fields edit a base strategy (the defaults, or a cloned job's): what they do not cover, such as
 * feature dropout or layers frozen by name, is taken from the base unchanged.
 */
class StrategyFields {

    /** Where the form starts: the same defaults the API fills in for parts a request leaves out. */
    private static final TrainingStrategy DEFAULTS = TrainingSettings.defaultStrategy();

    final IntegerField epochs = integer("Epochs", "job-epochs", DEFAULTS.epochs());
    final IntegerField batchSize = integer("Batch size", "job-batch-size", DEFAULTS.batchSize());
    final IntegerField seed = integer("Seed", "job-seed", (int) DEFAULTS.seed());
    final RadioButtonGroup<OptimizerSpec.Kind> optimizer = radio("Optimizer", "job-optimizer",
            OptimizerSpec.Kind.values(), DEFAULTS.optimizer().kind());
    final NumberField learningRate = number("Learning rate", "job-learning-rate", DEFAULTS.learningRate());
    final NumberField momentum = number("Momentum (SGD)", "job-momentum", 0.9);
    final NumberField headLearningRate = number("Head learning rate (0 = same)", "job-head-learning-rate", 0);
    final RadioButtonGroup<ScheduleSpec.Kind> schedule = radio("Learning-rate schedule", "job-schedule",
            ScheduleSpec.Kind.values(), ScheduleSpec.Kind.CONSTANT);
    final IntegerField stepEpochs = integer("Step every (epochs)", "job-step-epochs", 5);
    final NumberField gamma = number("Step factor γ", "job-gamma", 0.1);
    final IntegerField warmupEpochs = integer("Warm-up epochs", "job-warmup-epochs", 0);
    final IntegerField frozenLayers = integer("Frozen layers (from the input)", "job-frozen-layers", 0);
    final IntegerField unfreezeEvery = integer("Unfreeze one layer every (epochs, 0 = never)", "job-unfreeze-every", 0);
    final NumberField weightDecay = number("L2 weight decay", "job-weight-decay", 0);
    final NumberField dropout = number("Dropout", "job-dropout", 0);
    final NumberField labelSmoothing = number("Label smoothing", "job-label-smoothing", 0);
    final RadioButtonGroup<AdversarialSpec.Method> attack = radio("Adversarial training", "job-attack",
            AdversarialSpec.Method.values(), AdversarialSpec.Method.NONE);
    final NumberField epsilon = number("Attack ε", "job-epsilon", 0.1);
    final IntegerField pgdSteps = integer("PGD steps", "job-pgd-steps", 7);
    final NumberField beta = number("Robustness weight β (TRADES, MART)", "job-beta", AdversarialSpec.DEFAULT_BETA);
    final NumberField ratio = number("Adversarial share of each batch", "job-adversarial-ratio", 0.5);
    final IntegerField epsilonWarmup = integer("ε warm-up epochs", "job-epsilon-warmup", 0);
    final IntegerField patience = integer("Early-stopping patience (0 = off)", "job-patience", 0);
    final NumberField noise = number("Gaussian noise augmentation σ", "job-noise", 0);

    /** What the fields edit; its settings without a field pass through {@link #read()} unchanged. */
    private TrainingStrategy base = DEFAULTS;

    /** Which field shows the engine's refusal of which parameter, outside the adversarial part. */
    private final Map<String, HasValidation> fieldsByParameter = new LinkedHashMap<>();

    /** The same for the adversarial part, apart because its warmupEpochs is not the schedule's. */
    private final Map<String, HasValidation> adversarialFieldsByParameter = Map.of("epsilon", epsilon,
            "steps", pgdSteps, "ratio", ratio, "warmupEpochs", epsilonWarmup, "beta", beta);

    StrategyFields() {
        fieldsByParameter.putAll(Map.of("epochs", epochs, "batchSize", batchSize, "learningRate", learningRate,
                "momentum", momentum, "headLearningRate", headLearningRate, "stepEpochs", stepEpochs, "gamma", gamma,
                "warmupEpochs", warmupEpochs, "firstLayers", frozenLayers, "unfreezeEveryEpochs", unfreezeEvery));
        fieldsByParameter.putAll(Map.of("weightDecay", weightDecay, "dropout", dropout, "labelSmoothing",
                labelSmoothing, "patience", patience, "gaussianNoise", noise));
        optimizer.addValueChangeListener(change -> showApplicableFields());
        schedule.addValueChangeListener(change -> showApplicableFields());
        attack.addValueChangeListener(change -> showApplicableFields());
        showApplicableFields();
    }

    List<Component> components() {
        return List.of(new H4("Training"), epochs, batchSize, seed, optimizer, learningRate, momentum,
                headLearningRate, schedule, stepEpochs, gamma, warmupEpochs, new H4("Transfer and regularisation"),
                frozenLayers, unfreezeEvery, weightDecay, dropout, labelSmoothing, patience, noise,
                new H4("Robustness"), attack, epsilon, pgdSteps, beta, ratio, epsilonWarmup);
    }

    /** Shows an existing strategy (a cloned job's), which becomes the base that {@link #read()} edits. */
    void startFrom(TrainingStrategy strategy) {
        base = strategy;
        epochs.setValue(strategy.epochs());
        batchSize.setValue(strategy.batchSize());
        seed.setValue((int) strategy.seed());
        OptimizerSpec optimizerSpec = strategy.optimizer();
        optimizer.setValue(optimizerSpec.kind());
        learningRate.setValue(optimizerSpec.learningRate());
        if (optimizerSpec.kind() == OptimizerSpec.Kind.SGD) {
            momentum.setValue(optimizerSpec.momentum());
        }
        headLearningRate.setValue(optimizerSpec.headLearningRate());
        ScheduleSpec scheduleSpec = strategy.schedule();
        schedule.setValue(scheduleSpec.kind());
        if (scheduleSpec.kind() == ScheduleSpec.Kind.STEP) {
            stepEpochs.setValue(scheduleSpec.stepEpochs());
            gamma.setValue(scheduleSpec.gamma());
        }
        warmupEpochs.setValue(scheduleSpec.warmupEpochs());
        frozenLayers.setValue(strategy.freeze().firstLayers());
        unfreezeEvery.setValue(strategy.freeze().unfreezeEveryEpochs());
        weightDecay.setValue(strategy.regularization().weightDecay());
        dropout.setValue(strategy.regularization().dropout());
        labelSmoothing.setValue(strategy.regularization().labelSmoothing());
        patience.setValue(strategy.earlyStopping().enabled() ? strategy.earlyStopping().patience() : 0);
        noise.setValue(strategy.augmentation().gaussianNoise());
        AdversarialSpec adversarialSpec = strategy.adversarial();
        attack.setValue(adversarialSpec.method());
        if (adversarialSpec.method() != AdversarialSpec.Method.NONE) {
            epsilon.setValue(adversarialSpec.epsilon());
            pgdSteps.setValue(adversarialSpec.steps());
            ratio.setValue(adversarialSpec.ratio());
            epsilonWarmup.setValue(adversarialSpec.warmupEpochs());
            beta.setValue(adversarialSpec.beta());
        }
    }

    /** The strategy, or an IllegalArgumentException (already shown on its field) naming what is wrong. */
    TrainingStrategy read() {
        fieldsByParameter.values().forEach(field -> field.setInvalid(false));
        adversarialFieldsByParameter.values().forEach(field -> field.setInvalid(false));
        AdversarialSpec adversarial = checked(this::adversarial, adversarialFieldsByParameter);
        return checked(() -> {
            FreezeSpec freeze = base.freeze();
            EarlyStoppingSpec stopping = base.earlyStopping();
            AugmentationSpec augmentation = base.augmentation();
            return new TrainingStrategy(value(epochs), value(batchSize), value(seed),
                    optimizerSpec(), scheduleSpec(),
                    adversarial, new RegularizationSpec(value(weightDecay), value(dropout), value(labelSmoothing)),
                    new FreezeSpec(value(frozenLayers), freeze.layerNames(), freeze.trainTopLayers(),
                            value(unfreezeEvery)),
                    value(patience) == 0 ? EarlyStoppingSpec.off()
                            : new EarlyStoppingSpec(true, stopping.metric(), value(patience), stopping.minDelta()),
                    new AugmentationSpec(value(noise), augmentation.featureDropout(), augmentation.maxShift(),
                            augmentation.horizontalFlip(), augmentation.maxRotationDegrees(), augmentation.cutoutSize()));
        }, fieldsByParameter);
    }

    /** Builds a part of the strategy; a value the engine refuses is shown on the field registered for it. */
    private static <T> T checked(Supplier<T> part, Map<String, HasValidation> fieldsByParameter) {
        try {
            return part.get();
        } catch (InvalidSpecException e) {
            HasValidation field = fieldsByParameter.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
            throw e;
        }
    }

    /** Momentum belongs to SGD; Adam's spec keeps 0 so the stored strategy says only what applies. */
    private OptimizerSpec optimizerSpec() {
        boolean sgd = optimizer.getValue() == OptimizerSpec.Kind.SGD;
        return new OptimizerSpec(optimizer.getValue(), value(learningRate), sgd ? value(momentum) : 0,
                value(headLearningRate));
    }

    /** Step size and factor belong to the step schedule; the others keep the neutral 1 and 1.0. */
    private ScheduleSpec scheduleSpec() {
        boolean step = schedule.getValue() == ScheduleSpec.Kind.STEP;
        return new ScheduleSpec(schedule.getValue(), step ? value(stepEpochs) : 1, step ? value(gamma) : 1,
                value(warmupEpochs));
    }

    /** Shows only the fields that apply to the chosen optimizer, schedule and attack. */
    private void showApplicableFields() {
        momentum.setVisible(optimizer.getValue() == OptimizerSpec.Kind.SGD);
        boolean step = schedule.getValue() == ScheduleSpec.Kind.STEP;
        stepEpochs.setVisible(step);
        gamma.setVisible(step);
        AdversarialSpec.Method method = attack.getValue();
        boolean adversarialTraining = method != AdversarialSpec.Method.NONE;
        epsilon.setVisible(adversarialTraining);
        ratio.setVisible(adversarialTraining && !method.paired());
        epsilonWarmup.setVisible(adversarialTraining);
        pgdSteps.setVisible(method.iterative());
        beta.setVisible(method.paired());
    }

    private AdversarialSpec adversarial() {
        AdversarialSpec.Method method = attack.getValue();
        if (method == AdversarialSpec.Method.NONE) {
            return AdversarialSpec.none();
        }
        double eps = value(epsilon);
        int steps = method.iterative() ? value(pgdSteps) : 1;
        AdversarialSpec kept = base.adversarial();
        // Beta belongs to TRADES and MART, the batch share to FGSM and PGD; what does not apply passes
        // through from the base (or stays neutral), so the stored strategy says only what applies.
        double betaValue = method.paired() ? value(beta) : kept.beta();
        if (kept.method() == method) {
            // Same attack as the base: its step size, random start and clean copies stay, unless the budget
            // the step size was chosen for (epsilon, steps) was edited.
            boolean sameBudget = kept.epsilon() == eps && kept.steps() == steps;
            double stepSize = sameBudget ? kept.stepSize() : defaultStepSize(method, eps, steps);
            double share = method.paired() ? kept.ratio() : value(ratio);
            return new AdversarialSpec(method, eps, stepSize, steps, kept.randomStart(), share,
                    kept.keepClean(), value(epsilonWarmup), betaValue);
        }
        return new AdversarialSpec(method, eps, defaultStepSize(method, eps, steps),
                steps, method == AdversarialSpec.Method.PGD, method.paired() ? 1 : value(ratio), false,
                value(epsilonWarmup), betaValue);
    }

    /**
     * PGD's customary step (also for the inner PGD of TRADES and MART): 2.5 epsilon spread over the steps,
     * so the walk can reach the ball's edge.
     */
    private static double defaultStepSize(AdversarialSpec.Method method, double eps, int steps) {
        return method.iterative() ? 2.5 * eps / Math.max(1, steps) : 0;
    }

    private static int value(IntegerField field) {
        if (field.getValue() == null) {
            field.setErrorMessage("Required");
            field.setInvalid(true);
            throw new IllegalArgumentException(field.getLabel() + " is required");
        }
        return field.getValue();
    }

    private static double value(NumberField field) {
        if (field.getValue() == null) {
            field.setErrorMessage("Required");
            field.setInvalid(true);
            throw new IllegalArgumentException(field.getLabel() + " is required");
        }
        return field.getValue();
    }

    private static IntegerField integer(String label, String id, int initial) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setValue(initial);
        return field;
    }

    private static NumberField number(String label, String id, double initial) {
        NumberField field = new NumberField(label);
        field.setId(id);
        field.setValue(initial);
        return field;
    }

    private static <T> RadioButtonGroup<T> radio(String label, String id, T[] items, T initial) {
        RadioButtonGroup<T> group = new RadioButtonGroup<>(label);
        group.setId(id);
        group.setItems(items);
        group.setValue(initial);
        return group;
    }
}
