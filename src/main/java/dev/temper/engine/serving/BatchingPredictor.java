package dev.temper.engine.serving;

import dev.temper.engine.model.DjlInference;
import dev.temper.engine.model.ModelManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Serves one exported model through DJL with micro-batching: requests from many threads queue here, and one
 * thread (DJL's predictor is not thread-safe) runs them together, up to {@code maxBatch} rows or as many as
 * arrive within {@code maxWait} of the first. A batch of 256 rows costs little more than one row, so under
 * concurrent load each request waits less than it would alone in a queue of single predictions.
 *
 * <p>{@link #close()} retires the model: it takes no new requests, finishes every one already accepted, then frees
 * the native model. Accepting and retiring are exclusive, so no accepted request is ever left unanswered.
 */
public final class BatchingPredictor implements AutoCloseable {

    private final ModelManifest manifest;
    private final DjlInference inference;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private boolean retired;

    private record Pending(float[][] rows, CompletableFuture<float[][]> logits) {
    }

    /** Thrown by {@link #submit} once the model is retired: the caller asks the model that replaced it. */
    public static final class RetiredException extends IllegalStateException {
        RetiredException() {
            super("this model version is no longer served");
        }
    }

    public BatchingPredictor(Path modelDir, int maxBatch, Duration maxWait) {
        if (maxBatch < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxBatch must be >= 1 and maxWait >= 0, got " + maxBatch + ", "
                    + maxWait);
        }
        this.manifest = ModelManifest.read(modelDir);
        this.inference = new DjlInference(modelDir, manifest.inputDim());
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.worker = new Thread(this::serve, "temper-serving-" + modelDir.getFileName());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /**
     * Queues raw input rows (before the model's standardisation) and answers their logits when their batch has run.
     *
     * @throws RetiredException once {@link #close()} has begun
     */
    public CompletableFuture<float[][]> submit(float[][] rawRows) {
        CompletableFuture<float[][]> logits = new CompletableFuture<>();
        synchronized (this) {
            if (retired) {
                throw new RetiredException();
            }
            queue.add(new Pending(rawRows, logits));
        }
        return logits;
    }

    private void serve() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                synchronized (this) {
                    if (retired && queue.isEmpty()) {
                        inference.close();
                        return;
                    }
                }
                continue;
            }
            run(collectBatch(first));
        }
    }

    /**
     * The first request and whatever else arrives within the wait, until the batch holds {@code maxBatch} rows
     * (the last request taken may carry it past that: requests are never split).
     */
    private List<Pending> collectBatch(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        int rows = first.rows().length;
        long deadline = System.nanoTime() + maxWaitNanos;
        while (rows < maxBatch) {
            long left = deadline - System.nanoTime();
            Pending next;
            try {
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                break;
            }
            batch.add(next);
            rows += next.rows().length;
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        int total = batch.stream().mapToInt(p -> p.rows().length).sum();
        float[][] rows = new float[total][];
        int at = 0;
        for (Pending pending : batch) {
            System.arraycopy(pending.rows(), 0, rows, at, pending.rows().length);
            at += pending.rows().length;
        }
        try {
            float[][] logits = inference.logits(manifest.standardization().apply(rows));
            at = 0;
            for (Pending pending : batch) {
                float[][] own = new float[pending.rows().length][];
                System.arraycopy(logits, at, own, 0, own.length);
                at += own.length;
                pending.logits().complete(own);
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.logits().completeExceptionally(e));
        }
    }

    /** Retires the model: new requests are refused, accepted ones are answered, then the native model is freed. */
    @Override
    public void close() {
        synchronized (this) {
            retired = true;
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
