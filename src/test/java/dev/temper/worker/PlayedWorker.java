package dev.temper.worker;

import dev.temper.contract.EpochReport;
import dev.temper.contract.LogBatch;
import dev.temper.contract.LogLine;
import dev.temper.contract.MetricBatch;
import dev.temper.contract.MetricPoint;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.contract.WorkerProtocol;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * A worker that trains nothing but says everything a training worker says, through the worker's own
 * {@link ServerClient} (job token, retries with backoff on 5xx and unreachable servers): it fetches its spec, then
 * every tick reports the steps it "made" (loss, accuracy, learning rate per step), an epoch every
 * {@link #STEPS_PER_EPOCH} steps, and log lines. As {@link ProgressReporter} does, what could not be delivered stays
 * buffered and goes with the next tick, so a point is lost only if the server loses it.
 */
public final class PlayedWorker {

    public static final int STEPS_PER_EPOCH = 100;
    private static final int POINTS_PER_STEP = 3;

    private final ServerClient server;
    private final long jobId;
    private final BiConsumer<String, Long> timing;
    private final List<MetricPoint> points = new ArrayList<>();
    private final List<EpochReport> epochs = new ArrayList<>();
    private final List<LogLine> lines = new ArrayList<>();
    private final Map<String, LongAdder> troubles = new ConcurrentHashMap<>();
    private final LongAdder pointsDelivered = new LongAdder();
    private int step;
    private int nextSeq = 1;
    private volatile String over;

    /**
     * @param patience how long one call keeps retrying before the tick gives up (and the next tick tries again)
     * @param timing   told the label and nanoseconds of every delivered call
     */
    public PlayedWorker(String serverUrl, long jobId, String token, Duration patience,
            BiConsumer<String, Long> timing) {
        this.server = new ServerClient(serverUrl, jobId, token, patience);
        this.jobId = jobId;
        this.timing = timing;
    }

    /** Fetches the spec, as a starting worker does: the server moves the job to RUNNING. */
    public void start() throws IOException {
        long t = System.nanoTime();
        server.get(WorkerProtocol.SPEC_PATH, WorkerJobSpec.class);
        timing.accept("worker GET spec", System.nanoTime() - t);
    }

    /** Makes {@code steps} more steps and sends everything not yet delivered. */
    public void tick(int steps) {
        if (over != null) {
            return;
        }
        for (int i = 0; i < steps; i++) {
            step++;
            int epoch = (step - 1) / STEPS_PER_EPOCH + 1;
            double loss = 2.0 * Math.exp(-step / 2_000.0) + 0.05 * Math.sin(step);
            points.add(new MetricPoint("step/loss", step, epoch, loss));
            points.add(new MetricPoint("step/accuracy", step, epoch, 1 - Math.min(loss, 1) / 2));
            points.add(new MetricPoint("step/learning_rate", step, epoch, 0.01));
            if (step % STEPS_PER_EPOCH == 0) {
                epochs.add(new EpochReport(epoch, 10_000, loss, 1 - Math.min(loss, 1) / 2, loss * 1.1,
                        1 - Math.min(loss, 1) / 2.2, 0.01, null));
                lines.add(new LogLine(nextSeq++, Instant.now(), String.format(Locale.ROOT,
                        "Epoch %d/10000: train loss %.4f", epoch, loss)));
            }
        }
        lines.add(new LogLine(nextSeq++, Instant.now(), "job " + jobId + " at step " + step));
        try {
            send();
        } catch (ServerClient.AttemptOverException e) {
            over = e.getMessage();
            trouble("attempt over: " + e.getMessage().replaceAll("\\d+", "N"));
        } catch (IOException e) {
            trouble(e.getMessage().replaceAll("\\d+", "N").replaceAll("(: [^:]{0,80}).*", "$1"));
        }
    }

    private void send() throws IOException {
        if (!points.isEmpty() || !epochs.isEmpty()) {
            MetricBatch batch = new MetricBatch(List.copyOf(epochs), List.copyOf(points));
            long t = System.nanoTime();
            server.post(WorkerProtocol.METRICS_PATH, batch);
            timing.accept("worker POST metrics", System.nanoTime() - t);
            pointsDelivered.add(points.size());
            points.clear();
            epochs.clear();
        }
        if (!lines.isEmpty()) {
            long t = System.nanoTime();
            server.post(WorkerProtocol.LOGS_PATH, new LogBatch(List.copyOf(lines)));
            timing.accept("worker POST logs", System.nanoTime() - t);
            lines.clear();
        }
    }

    private void trouble(String kind) {
        troubles.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long jobId() {
        return jobId;
    }

    /** Points made so far (delivered or still buffered). */
    public long pointsMade() {
        return (long) step * POINTS_PER_STEP;
    }

    public long pointsDelivered() {
        return pointsDelivered.sum();
    }

    /** Ticks whose delivery failed after the client's retries, by what the client said. */
    public Map<String, LongAdder> troubles() {
        return troubles;
    }

    /** Why the server ended this attempt, or null while it runs. */
    public String over() {
        return over;
    }
}
