package dev.temper.engine.training;

import dev.temper.engine.model.Classification;
import dev.temper.engine.model.GraphSession;
import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.Tensors;
import dev.temper.engine.strategy.EarlyStoppingSpec;
import dev.temper.engine.strategy.FreezePlan;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Mini-batch training in one TensorFlow session on already standardized rows: per epoch it shuffles,
 * augments, adds adversarial examples, steps the optimizer on the layers that may train, measures the
 * validation set, keeps the best epoch for early stopping and writes a checkpoint.
 */
final class TrainingLoop {

    private final NetworkLayout layout;
    private final TrainingStrategy strategy;
    private final TrainingListener listener;

    TrainingLoop(NetworkLayout layout, TrainingStrategy strategy, TrainingListener listener) {
        this.layout = layout;
        this.strategy = strategy;
        this.listener = listener;
    }

    /** Trains on from the given progress; returns the weights to export (the best epoch's when stopping early). */
    Map<String, float[]> train(TrainingProgress start, Checkpoints checkpoints, float[][] trainX, int[] trainY,
                               float[][] validationX, int[] validationY) {
        FreezePlan freeze = new FreezePlan(strategy.freeze(), layout);
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            TrainingObjective objective = new TrainingObjective(model, strategy.regularization(), strategy.adversarial());
            OptimizerUpdate optimizer = new OptimizerUpdate(model, objective.totalLoss(), strategy.optimizer(),
                    variablesOf(freeze.trainableLayers(strategy.epochs())));
            GraphSession graph = new GraphSession(model, session);
            model.assign(session, start.weights());
            if (start.optimizerState() == null) {
                optimizer.reset(session);
            } else {
                optimizer.writeState(session, start.optimizerState());
            }
            AdversarialExamples adversarial = new AdversarialExamples(strategy.adversarial(), graph, layout.pixelInputs());
            BatchAugmenter augmenter = new BatchAugmenter(strategy.augmentation(), layout);
            EarlyStoppingSpec stopping = strategy.earlyStopping();
            List<EpochMetrics> history = new ArrayList<>(start.history());
            TrainingProgress.BestEpoch best = start.best();
            int step = start.step();
            // Every epoch takes the same number of steps, so a layer's own step count follows from the
            // epoch in which it began to train; a checkpoint needs no extra state for it.
            int stepsPerEpoch = (trainY.length + strategy.batchSize() - 1) / strategy.batchSize();
            for (int epoch = start.epoch() + 1; epoch <= strategy.epochs(); epoch++) {
                Set<String> trainable = freeze.trainableLayers(epoch);
                double rateFactor = strategy.schedule().factor(epoch, strategy.epochs());
                Random augmentRandom = RunRandom.AUGMENT.forEpoch(strategy.seed(), epoch);
                Random attackRandom = RunRandom.ATTACK.forEpoch(strategy.seed(), epoch);
                // A layer's step count is the run's step minus the steps taken before the layer began to train.
                Map<String, Integer> stepsBefore = new HashMap<>();
                for (String layer : trainable) {
                    stepsBefore.put(layer, (freeze.firstTrainingEpoch(layer) - 1) * stepsPerEpoch);
                }
                double learningRate = strategy.optimizer().learningRate() * rateFactor;
                double lossSum = 0;
                int correct = 0;
                int seen = 0;
                int adversarialCorrect = 0;
                int adversarialSeen = 0;
                for (int[] rows : MiniBatches.shuffled(trainY.length, strategy.batchSize(),
                        RunRandom.SHUFFLE.forEpoch(strategy.seed(), epoch))) {
                    float[][] x = augmenter.apply(MiniBatches.rows(trainX, rows), augmentRandom);
                    AdversarialExamples.Batch batch = adversarial.apply(x, MiniBatches.labels(trainY, rows), epoch,
                            attackRandom);
                    step++;
                    Map<String, Integer> stepsByLayer = new HashMap<>();
                    for (var layer : stepsBefore.entrySet()) {
                        stepsByLayer.put(layer.getKey(), step - layer.getValue());
                    }
                    BatchResult result = step(model, session, objective, optimizer, batch, step, rateFactor,
                            stepsByLayer);
                    if (!Double.isFinite(result.loss())) {
                        // Nothing after a NaN or infinite loss means anything; say so instead of reporting garbage.
                        throw new IllegalStateException("Training diverged at epoch " + epoch + ", step " + step
                                + ": the loss is " + result.loss() + "; lower the learning rate");
                    }
                    lossSum += result.loss() * batch.y().length;
                    correct += result.correct();
                    seen += batch.y().length;
                    adversarialCorrect += result.adversarialCorrect();
                    adversarialSeen += batch.adversarialCount();
                    listener.onStep(new StepMetrics(step, epoch, result.loss(),
                            result.correct() / (double) batch.y().length, learningRate));
                }
                GraphSession.LossAndAccuracy validation = graph.measure(validationX, validationY);
                EpochMetrics metrics = new EpochMetrics(epoch, strategy.epochs(), lossSum / seen,
                        correct / (double) seen, validation.loss(), validation.accuracy(), learningRate,
                        adversarialSeen == 0 ? null : adversarialCorrect / (double) adversarialSeen);
                history.add(metrics);
                if (stopping.enabled() && (best == null || score(stopping, metrics) > best.score() + stopping.minDelta())) {
                    best = new TrainingProgress.BestEpoch(epoch, score(stopping, metrics), model.read(session));
                }
                if (checkpoints != Checkpoints.NONE) {
                    checkpoints.save(new TrainingProgress(epoch, step, history, model.read(session),
                            optimizer.readState(session), best));
                }
                listener.onEpoch(metrics);
                if (stopping.enabled() && epoch - best.epoch() >= stopping.patience()) {
                    break;
                }
            }
            return best != null ? best.weights() : model.read(session);
        }
    }

    /** The value early stopping watches in an epoch, oriented so that higher is better. */
    private static double score(EarlyStoppingSpec stopping, EpochMetrics metrics) {
        return stopping.metric() == EarlyStoppingSpec.Metric.VALIDATION_LOSS ? -metrics.validationLoss()
                : metrics.validationAccuracy();
    }

    private List<String> variablesOf(Set<String> layers) {
        List<String> names = new ArrayList<>();
        for (NetworkLayout.Layer layer : layout.layers()) {
            if (layers.contains(layer.name())) {
                names.add(layer.weightName());
                names.add(layer.biasName());
            }
        }
        return names;
    }

    /** One optimizer step; loss and logits are those of the weights before the update. */
    private BatchResult step(ModelGraph model, Session session, TrainingObjective objective,
                             OptimizerUpdate optimizer, AdversarialExamples.Batch batch, int step, double rateFactor,
                             Map<String, Integer> stepsByLayer) {
        try (TFloat32 features = Tensors.matrix(batch.x(), layout.inputDim());
             TFloat32 labels = Tensors.softLabels(batch.y(), layout.classCount(),
                     strategy.regularization().labelSmoothing())) {
            Session.Runner runner = session.runner().feed(model.features(), features)
                    .feed(model.loss().labels(), labels).fetch(objective.dataLoss()).fetch(objective.logits());
            try (TInt64 seed = objective.feedSeed(runner, strategy.seed(), step);
                 OptimizerUpdate.StepFeeds feeds = optimizer.addStep(runner, rateFactor, stepsByLayer);
                 Result result = runner.run()) {
                double batchLoss = ((TFloat32) result.get(0)).getFloat();
                // Counted on the flat logits, without copying every row of the batch out first.
                float[] logits = Tensors.flat((TFloat32) result.get(1));
                return new BatchResult(batchLoss, Classification.correct(logits, batch.y()),
                        Classification.correct(logits, batch.y(), batch.adversarialFrom(), batch.adversarialCount()));
            }
        }
    }

    /** Where checkpoints go after every epoch; {@link #NONE} when the run keeps none. */
    @FunctionalInterface
    interface Checkpoints {
        Checkpoints NONE = progress -> { };

        void save(TrainingProgress progress);
    }

    private record BatchResult(double loss, int correct, int adversarialCorrect) {
    }
}
