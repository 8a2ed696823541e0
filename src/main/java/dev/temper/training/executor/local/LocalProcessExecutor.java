package dev.temper.training.executor.local;

import dev.temper.contract.WorkerProtocol;
import dev.temper.training.executor.JobExecutor;
import dev.temper.training.executor.WorkerConfig;
import dev.temper.training.executor.WorkerEvents;
import dev.temper.training.executor.WorkerLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The zero-setup executor: each job attempt runs in a child JVM ({@code dev.temper.worker.WorkerMain})
 * on this machine, from the same artifact as the server.
 */
@ApplicationScoped
@Typed(LocalProcessExecutor.class)
public class LocalProcessExecutor implements JobExecutor {

    private static final Logger LOG = Logger.getLogger(LocalProcessExecutor.class);
    private static final long STOP_GRACE_SECONDS = 10;

    private final WorkerEvents events;
    private final String serverUrl;
    private final Path tensorflowLibraryPath;
    private final Path logDir;
    /** The worker of each job this server started or re-attached; only a child process has an exit code. */
    private final Map<Long, ProcessHandle> running = new ConcurrentHashMap<>();

    LocalProcessExecutor(WorkerEvents events, WorkerConfig config) {
        this.events = events;
        this.serverUrl = config.serverUrl();
        this.tensorflowLibraryPath = config.tensorflowLibraryPath();
        this.logDir = config.logDir();
    }

    @Override
    public String launch(WorkerLaunch launch) throws IOException {
        long jobId = launch.jobId();
        Files.createDirectories(logDir);
        Path log = logDir.resolve("job-" + jobId + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // First, so it is within the part of a command line the OS shows (4 KiB): reattach() looks for it.
        command.add(jobMarker(jobId));
        // Half the memory for the heap: TensorFlow's tensors live outside it.
        command.add("-Xmx" + Math.max(256, launch.resources().memoryMiB() / 2) + "m");
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(workerClasspath());
        command.add(WorkerProtocol.MAIN_CLASS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        WorkerEnvironment.restrict(environment);
        environment.put(WorkerProtocol.SERVER_URL_ENV, serverUrl);
        environment.put(WorkerProtocol.JOB_ID_ENV, Long.toString(jobId));
        environment.put(WorkerProtocol.JOB_TOKEN_ENV, launch.token());
        environment.put(WorkerProtocol.TENSORFLOW_LIBRARY_PATH_ENV, tensorflowLibraryPath.toAbsolutePath().toString());
        Process process = builder.start();
        LOG.infof("Job %d: worker process %d started for attempt %d, log %s", jobId, process.pid(), launch.attempt(), log);
        running.put(jobId, process.toHandle());
        process.onExit().thenAccept(p -> {
            running.remove(jobId, p.toHandle());
            LOG.infof("Job %d: worker process %d exited with code %d", jobId, p.pid(), p.exitValue());
            if (p.exitValue() != 0) {
                // Unless the worker said otherwise before it ended (then its attempt is over and this is
                // ignored), a worker that died is lost, not failed: a crash or a kill says nothing about the job.
                events.workerLost(jobId, launch.attempt(), "the worker process exited with code " + p.exitValue()
                        + ": " + lastLines(log, 3));
            }
        }).exceptionally(failure -> logUnrecorded(jobId, failure));
        return Long.toString(process.pid());
    }

    /**
     * Finds a worker this server started before it restarted: a live process with that id whose command
     * line names this job. Its exit code is not ours to read; its end is reported as lost, which changes
     * nothing if the worker finished its job first.
     */
    @Override
    public boolean reattach(long jobId, int attempt, String workerRef) {
        Optional<ProcessHandle> handle = parsePid(workerRef).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> line.contains(jobMarker(jobId) + " ")).orElse(false));
        if (handle.isEmpty()) {
            return false;
        }
        ProcessHandle process = handle.get();
        running.put(jobId, process);
        LOG.infof("Job %d: re-attached to worker process %d of attempt %d", jobId, process.pid(), attempt);
        process.onExit().thenAccept(p -> {
            running.remove(jobId, p);
            events.workerLost(jobId, attempt, "the worker process " + p.pid() + " ended");
        }).exceptionally(failure -> logUnrecorded(jobId, failure));
        return true;
    }

    @Override
    public void stop(long jobId) {
        ProcessHandle process = running.get(jobId);
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

    private static String jobMarker(long jobId) {
        return "-Dtemper.worker.job=" + jobId;
    }

    private static Optional<Long> parsePid(String workerRef) {
        try {
            return workerRef == null ? Optional.empty() : Optional.of(Long.parseLong(workerRef));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Void logUnrecorded(long jobId, Throwable failure) {
        // Otherwise lost inside the future: the job would stay active with nobody saying why.
        LOG.errorf(failure, "Job %d: could not record the end of its worker process", jobId);
        return null;
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
