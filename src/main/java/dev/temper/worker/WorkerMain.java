package dev.temper.worker;

import dev.temper.contract.FailureReport;
import dev.temper.contract.ServeProtocol;
import dev.temper.contract.WorkerProtocol;
import dev.temper.engine.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of a worker process (local child or Kubernetes pod): runs ONE job and exits. It needs
 * no Quarkus runtime, only the environment: TEMPER_SERVER_URL, TEMPER_JOB_ID, TEMPER_JOB_TOKEN, and
 * optionally TEMPER_SERVER_PATIENCE_SECONDS (how long to keep retrying a server that cannot be reached).
 * Executors start it by the name {@link WorkerProtocol#MAIN_CLASS}. With the first argument {@code serve} it
 * serves one model version over HTTP instead ({@link ServeProtocol}, a Kubernetes serving Deployment's pods).
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && ServeProtocol.MODE.equals(args[0])) {
            serve(List.of(args).subList(1, args.length));
            return;
        }
        String serverUrl = required(WorkerProtocol.SERVER_URL_ENV);
        long jobId = Long.parseLong(required(WorkerProtocol.JOB_ID_ENV));
        ServerClient server = new ServerClient(serverUrl, jobId, required(WorkerProtocol.JOB_TOKEN_ENV),
                Duration.ofSeconds(Long.parseLong(optional(WorkerProtocol.SERVER_PATIENCE_SECONDS_ENV, "120"))));
        Path workDir = Files.createTempDirectory("temper-job-" + jobId + "-");
        int exitCode = 0;
        try {
            new JobRunner(server, workDir).run();
            System.out.println("Job " + jobId + " finished");
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
            reportFailure(server, e);
        } finally {
            FileTrees.deleteQuietly(workDir);
        }
        System.exit(exitCode);
    }

    /** Serves one model version until the pod is stopped; a model that fails its hash check ends the process. */
    private static void serve(List<String> args) throws IOException, InterruptedException {
        ServeOptions options = ServeOptions.parse(args);
        ModelServer server = ModelServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Serving model version " + options.modelVersionId() + " on port " + server.port());
        new CountDownLatch(1).await();
    }

    /** Ends the job as failed with what went wrong as its reason, the server's own answer included. */
    static void reportFailure(ServerClient server, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            server.post(WorkerProtocol.FAILURE_PATH, new FailureReport(message));
        } catch (IOException reportError) {
            System.err.println("Could not report the failure: " + reportError.getMessage());
        }
    }

    private static String optional(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }
}
