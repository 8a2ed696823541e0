package dev.temper.engine.training;

import dev.temper.engine.model.ModelGraph;
import dev.temper.engine.model.NetworkLayout;
import dev.temper.engine.model.Tensors;
import dev.temper.engine.strategy.RegularizationSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * The reference for the engine's training loop: a plain session loop over the same graph (forward, loss,
 * gradients and Adam update ops, built by the same graph classes), fed the same shuffled batches, with
 * nothing else around it: no augmentation, adversarial or freezing logic, no accuracy bookkeeping.
 */
public final class BareTrainingLoop {

    /** Samples/s of each epoch and the weights after the last one. */
    public record Outcome(List<Double> samplesPerSecond, Map<String, float[]> weights) {
    }

    private BareTrainingLoop() {
    }

    public static Outcome train(NetworkLayout layout, Map<String, float[]> initial, float[][] x, int[] y,
                         TrainingStrategy strategy) {
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            TrainingObjective objective = new TrainingObjective(model, RegularizationSpec.none());
            List<String> variables = new ArrayList<>(model.variables().keySet());
            OptimizerUpdate optimizer = new OptimizerUpdate(model, objective.totalLoss(), strategy.optimizer(),
                    variables);
            model.assign(session, initial);
            optimizer.reset(session);
            List<Double> rates = new ArrayList<>();
            int step = 0;
            for (int epoch = 1; epoch <= strategy.epochs(); epoch++) {
                long start = System.nanoTime();
                for (int[] rows : MiniBatches.shuffled(y.length, strategy.batchSize(),
                        RunRandom.SHUFFLE.forEpoch(strategy.seed(), epoch))) {
                    step++;
                    Map<String, Integer> steps = new HashMap<>();
                    for (NetworkLayout.Layer layer : layout.layers()) {
                        steps.put(layer.name(), step);
                    }
                    try (TFloat32 features = Tensors.matrix(MiniBatches.rows(x, rows), layout.inputDim());
                         TFloat32 labels = Tensors.oneHot(MiniBatches.labels(y, rows), layout.classCount())) {
                        Session.Runner runner = session.runner().feed(model.features(), features)
                                .feed(model.loss().labels(), labels).fetch(objective.dataLoss());
                        try (OptimizerUpdate.StepFeeds feeds = optimizer.addStep(runner, 1.0, steps);
                             Result result = runner.run()) {
                            ((TFloat32) result.get(0)).getFloat();
                        }
                    }
                }
                rates.add(y.length / ((System.nanoTime() - start) / 1e9));
            }
            return new Outcome(rates, model.read(session));
        }
    }
}
