package dev.temper.engine;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Mini-batch Adam training of an MLP in one TensorFlow session, on standardized features. With FGSM
 * each batch is trained on its clean rows plus their adversarial copies, made with the current weights.
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

    /** Trains from the given weights, updating only the named variables; returns all final weights. */
    Map<String, float[]> train(Map<String, float[]> initial, List<String> trainable,
                               float[][] trainX, int[] trainY, float[][] validationX, int[] validationY) {
        try (ModelGraph model = new ModelGraph(layout); Session session = new Session(model.graph())) {
            AdamUpdate adam = new AdamUpdate(model, model.loss().meanLoss(), trainable);
            GraphSession graph = new GraphSession(model, session);
            model.assign(session, initial);
            adam.reset(session);
            // Offset from the initializer's seed so that shuffling and initial weights are independent streams.
            Random shuffle = new Random(strategy.seed() + 1);
            int step = 0;
            for (int epoch = 1; epoch <= strategy.epochs(); epoch++) {
                double lossSum = 0;
                int correct = 0;
                int seen = 0;
                for (int[] batch : MiniBatches.shuffled(trainY.length, strategy.batchSize(), shuffle)) {
                    float[][] x = MiniBatches.rows(trainX, batch);
                    int[] y = MiniBatches.labels(trainY, batch);
                    if (strategy.fgsm()) {
                        float[][] adversarial = Classification.perturb(x, graph.inputGradientSign(x, y),
                                strategy.fgsmEpsilon());
                        x = Classification.concat(x, adversarial);
                        y = Classification.concat(y, y);
                    }
                    BatchResult result = step(model, session, adam, x, y, ++step);
                    lossSum += result.loss() * y.length;
                    correct += result.correct();
                    seen += y.length;
                }
                GraphSession.LossAndAccuracy validation = graph.measure(validationX, validationY);
                listener.onEpoch(new EpochMetrics(epoch, strategy.epochs(), lossSum / seen,
                        correct / (double) seen, validation.loss(), validation.accuracy()));
            }
            return model.read(session);
        }
    }

    /** One Adam step; loss and logits are those of the weights before the update. */
    private BatchResult step(ModelGraph model, Session session, AdamUpdate adam, float[][] x, int[] y, int step) {
        LossOps loss = model.loss();
        try (TFloat32 features = Tensors.matrix(x, layout.inputDim());
             TFloat32 labels = Tensors.oneHot(y, layout.classCount())) {
            Session.Runner runner = session.runner().feed(model.features(), features).feed(loss.labels(), labels)
                    .fetch(loss.meanLoss()).fetch(model.logits());
            try (AdamUpdate.StepFeeds feeds = adam.addStep(runner, strategy.learningRate(), step);
                 Result result = runner.run()) {
                double batchLoss = ((TFloat32) result.get(0)).getFloat();
                int correct = Classification.correct(Tensors.rows((TFloat32) result.get(1)), y);
                return new BatchResult(batchLoss, correct);
            }
        }
    }

    private record BatchResult(double loss, int correct) {
    }
}
