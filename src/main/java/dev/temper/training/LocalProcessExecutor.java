package dev.temper.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The zero-setup executor: each job attempt runs in a child JVM ({@code dev.temper.worker.WorkerMain})
 * on this machine, from the same artifact as the server.
 */
@ApplicationScoped
public class LocalProcessExecutor implements JobExecutor {

    private static final Logger LOG = Logger.getLogger(LocalProcessExecutor.class);
    static final String WORKER_MAIN = "dev.temper.worker.WorkerMain";
    private static final long STOP_GRACE_SECONDS = 10;

    private final WorkerJobService workerJobs;
    private final String serverUrl;
    private final String tensorflowLibraryPath;
    private final Path logDir;
    private final Map<Long, Process> running = new ConcurrentHashMap<>();

    LocalProcessExecutor(WorkerJobService workerJobs,
            @ConfigProperty(name = "temper.worker.server-url") String serverUrl,
            @ConfigProperty(name = "temper.worker.tensorflow-library-path") String tensorflowLibraryPath,
            @ConfigProperty(name = "temper.worker.log-dir") Path logDir) {
        this.workerJobs = workerJobs;
        this.serverUrl = serverUrl;
        this.tensorflowLibraryPath = tensorflowLibraryPath;
        this.logDir = logDir;
    }

    @Override
    public void launch(long jobId, String token) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("job-" + jobId + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(workerClasspath());
        command.add(WORKER_MAIN);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("TEMPER_SERVER_URL", serverUrl);
        builder.environment().put("TEMPER_JOB_ID", Long.toString(jobId));
        builder.environment().put("TEMPER_JOB_TOKEN", token);
        builder.environment().put("TENSORFLOW_LIBRARY_PATH", Path.of(tensorflowLibraryPath).toAbsolutePath().toString());
        Process process = builder.start();
        running.put(jobId, process);
        LOG.infof("Job %d: worker process %d started, log %s", jobId, process.pid(), log);
        process.onExit().thenAccept(p -> {
            running.remove(jobId, p);
            LOG.infof("Job %d: worker process %d exited with code %d", jobId, p.pid(), p.exitValue());
            if (p.exitValue() != 0) {
                workerJobs.workerExited(jobId, "The worker process exited with code " + p.exitValue() + ": "
                        + lastLines(log, 5));
            }
        }).exceptionally(failure -> {
            // Otherwise lost inside the future: the job would stay RUNNING with nobody saying why.
            LOG.errorf(failure, "Job %d: could not record the end of its worker process", jobId);
            return null;
        });
    }

    @Override
    public void stop(long jobId) {
        Process process = running.get(jobId);
        if (process == null || !process.isAlive()) {
            return;
        }
        LOG.infof("Job %d: stopping worker process %d", jobId, process.pid());
        process.destroy();
        // A worker deep inside a TensorFlow call may not get to its shutdown quickly; it must not outlive this.
        process.onExit().completeOnTimeout(null, STOP_GRACE_SECONDS, TimeUnit.SECONDS).thenRun(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    /**
     * The server's own classpath; for the packaged app (quarkus-run.jar, whose manifest does not list
     * the libraries) the app and library folders beside it.
     */
    static String workerClasspath() {
        String classpath = System.getProperty("java.class.path");
        if (classpath.endsWith("quarkus-run.jar")) {
            Path appDir = Path.of(classpath).toAbsolutePath().getParent();
            return appDir.resolve("app") + File.separator + "*" + File.pathSeparator
                    + appDir.resolve("lib").resolve("main") + File.separator + "*";
        }
        return classpath;
    }

    private static String lastLines(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }
}
