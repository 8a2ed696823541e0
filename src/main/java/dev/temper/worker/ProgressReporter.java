package dev.temper.worker;

import dev.temper.contract.EpochReport;
import dev.temper.contract.LogBatch;
import dev.temper.contract.LogLine;
import dev.temper.contract.MetricBatch;
import dev.temper.contract.MetricPoint;
import dev.temper.contract.WorkerProtocol;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.StepMetrics;
import dev.temper.engine.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends what a worker has to say: step points and log lines are buffered and sent with every heartbeat,
 * epochs at once. What cannot be sent stays buffered for the next try, and the server skips what it already
 * has, so nothing is lost or counted twice when the server is briefly away.
 */
final class ProgressReporter implements TrainingListener, AutoCloseable {

    /** The server takes at most this many items per batch. */
    private static final int BATCH_LIMIT = 5_000;
    /**
     * And at most 1 MiB of JSON per request (less a margin for the envelope). A line's cost is bounded as the
     * worst case of JSON escaping (six bytes a character) plus its sequence number and time, so a batch of
     * lines never crosses the limit, whatever they hold.
     */
    private static final int BATCH_BYTES = 1024 * 1024 - 4096;
    private static final int LINE_OVERHEAD_BYTES = 64;

    private final ServerClient server;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "temper-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final List<MetricPoint> points = new ArrayList<>();
    private final List<EpochReport> epochs = new ArrayList<>();
    private final List<LogLine> lines = new ArrayList<>();
    private int nextSeq = 1;

    ProgressReporter(ServerClient server) {
        this.server = server;
    }

    /** Starts the heartbeat; a worker whose attempt the server has ended stops itself. */
    void start(int heartbeatSeconds) {
        heartbeat.scheduleWithFixedDelay(this::beat, 0, heartbeatSeconds, TimeUnit.SECONDS);
    }

    void log(String line) {
        System.out.println(line);
        synchronized (this) {
            lines.add(new LogLine(nextSeq++, Instant.now(), LogLine.cut(line)));
        }
    }

    @Override
    public synchronized void onStep(StepMetrics step) {
        points.add(new MetricPoint("step/loss", step.step(), step.epoch(), step.loss()));
        points.add(new MetricPoint("step/accuracy", step.step(), step.epoch(), step.accuracy()));
        points.add(new MetricPoint("step/learning_rate", step.step(), step.epoch(), step.learningRate()));
    }

    /** Sends the epoch and everything before it now: the checkpoint of this epoch must not get ahead of it. */
    @Override
    public void onEpoch(EpochMetrics m) {
        synchronized (this) {
            epochs.add(new EpochReport(m.epoch(), m.totalEpochs(), m.trainLoss(), m.trainAccuracy(),
                    m.validationLoss(), m.validationAccuracy(), m.learningRate(), m.robustAccuracy()));
        }
        log(String.format(Locale.ROOT, "Epoch %d/%d: train loss %.4f, accuracy %.3f; validation loss %.4f,"
                        + " accuracy %.3f; learning rate %.2e%s", m.epoch(), m.totalEpochs(), m.trainLoss(),
                m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(), m.learningRate(),
                m.robustAccuracy() == null ? "" : String.format(Locale.ROOT, "; robust accuracy %.3f",
                        m.robustAccuracy())));
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot report epoch " + m.epoch(), e);
        }
    }

    /** Sends everything buffered, in batches the server accepts. */
    synchronized void flush() throws IOException {
        while (!epochs.isEmpty() || !points.isEmpty()) {
            List<MetricPoint> pointBatch = List.copyOf(points.subList(0, Math.min(points.size(), BATCH_LIMIT)));
            List<EpochReport> epochBatch = List.copyOf(epochs);
            server.post(WorkerProtocol.METRICS_PATH, new MetricBatch(epochBatch, pointBatch));
            points.subList(0, pointBatch.size()).clear();
            epochs.clear();
        }
        while (!lines.isEmpty()) {
            List<LogLine> batch = List.copyOf(lines.subList(0, linesInNextBatch()));
            server.post(WorkerProtocol.LOGS_PATH, new LogBatch(batch));
            lines.subList(0, batch.size()).clear();
        }
    }

    private int linesInNextBatch() {
        int budget = BATCH_BYTES;
        int count = 0;
        while (count < lines.size() && count < BATCH_LIMIT) {
            int cost = 6 * lines.get(count).line().length() + LINE_OVERHEAD_BYTES;
            if (cost > budget) {
                break;
            }
            budget -= cost;
            count++;
        }
        return count;
    }

    private void beat() {
        try {
            boolean idle;
            synchronized (this) {
                idle = points.isEmpty() && epochs.isEmpty() && lines.isEmpty();
            }
            if (idle) {
                server.postEmpty(WorkerProtocol.HEARTBEAT_PATH);
            } else {
                flush();
            }
        } catch (ServerClient.AttemptOverException e) {
            System.err.println("The server has ended this attempt (" + e.getMessage() + "); stopping");
            System.exit(3);
        } catch (IOException | RuntimeException e) {
            System.err.println("Heartbeat not delivered, will try again: " + e.getMessage());
        }
    }

    /** Stops the heartbeat and sends what is left. */
    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        flush();
    }
}
