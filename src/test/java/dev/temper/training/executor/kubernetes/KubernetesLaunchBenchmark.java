package dev.temper.training.executor.kubernetes;

import dev.temper.training.executor.JobResources;
import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.WorkerLaunch;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Submit to Kubernetes Job created, against the Fabric8 mock API server (CRUD mode) on this machine:
 * how long {@link KubernetesJobExecutor#launch} takes (token Secret, Job, the Secret's owner), and how long
 * until a watch on Jobs sees the new Job. Network and API server costs of a real cluster are not in it.
 * Run: {@code ./mvnw -Pbench -Dbench.main=dev.temper.training.executor.kubernetes.KubernetesLaunchBenchmark -Dbench.args=200}
 */
public final class KubernetesLaunchBenchmark {

    private static final int WARMUP = 30;
    private static final WorkerEvents NO_EVENTS = new WorkerEvents() {
        @Override
        public void workerWaiting(long jobId, int attempt, String reason) {
        }

        @Override
        public void workerFailed(long jobId, int attempt, String reason) {
        }

        @Override
        public void workerLost(long jobId, int attempt, String reason) {
        }
    };

    private KubernetesLaunchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int launches = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 200;
        KubernetesServer server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        try {
            KubernetesClient client = server.getClient();
            TestExecutorConfig config = TestExecutorConfig.gpuPool("bench");
            KubernetesJobExecutor executor = new KubernetesJobExecutor(client, config,
                    new KubernetesWorkerWatcher(client, config.namespace(), NO_EVENTS));
            Map<String, Long> seenAt = new ConcurrentHashMap<>();
            CountDownLatch allSeen = new CountDownLatch(WARMUP + launches);
            try (Watch watch = client.batch().v1().jobs().inNamespace("bench").watch(new Watcher<Job>() {
                @Override
                public void eventReceived(Action action, Job job) {
                    if (action == Action.ADDED && seenAt.putIfAbsent(job.getMetadata().getName(), System.nanoTime()) == null) {
                        allSeen.countDown();
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            })) {
                JobResources resources = new JobResources(1, 4, 16384);
                for (int i = 1; i <= WARMUP; i++) {
                    executor.launch(new WorkerLaunch(i, 1, "vision", "warmup-token-" + i, resources, 120));
                }
                double[] launchMs = new double[launches];
                Map<String, Long> startedAt = new ConcurrentHashMap<>();
                for (int i = 0; i < launches; i++) {
                    long jobId = 1_000 + i;
                    WorkerLaunch launch = new WorkerLaunch(jobId, 1, "vision", "token-" + jobId, resources, 120);
                    long start = System.nanoTime();
                    startedAt.put(WorkerJobBuilder.name(jobId, 1), start);
                    executor.launch(launch);
                    launchMs[i] = (System.nanoTime() - start) / 1e6;
                }
                if (!allSeen.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The watch saw " + seenAt.size() + " of " + (WARMUP + launches) + " Jobs");
                }
                List<Double> seenMs = new ArrayList<>();
                startedAt.forEach((name, start) -> seenMs.add((seenAt.get(name) - start) / 1e6));
                System.out.printf(Locale.ROOT, "Kubernetes executor against the Fabric8 mock server (CRUD), %d launches after %d warm-up%n",
                        launches, WARMUP);
                print("launch() returns (Secret + Job + owner patch)", launchMs);
                print("launch() start to Job seen by a watch", seenMs.stream().mapToDouble(Double::doubleValue).toArray());
            }
            executor.stopWatching();
        } finally {
            server.after();
        }
        // The mock server's Vert.x threads are not daemons and would keep the JVM running.
        System.exit(0);
    }

    private static void print(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-48s mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", what,
                Arrays.stream(sorted).average().orElse(0), percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
