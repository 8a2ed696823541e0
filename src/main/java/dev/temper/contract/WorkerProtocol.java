package dev.temper.contract;

/**
 * How the server and a worker process reach each other: the class an executor starts, the environment it
 * gives the worker, the job's endpoints the worker calls and the headers it sends. The executors, the
 * worker's client and the server's worker API all use these names, so they cannot drift apart.
 */
public final class WorkerProtocol {

    /**
     * The worker's entry point. A name rather than a class literal: the contract knows nothing of the worker
     * package; a test checks the two agree.
     */
    public static final String MAIN_CLASS = "dev.temper.worker.WorkerMain";

    /** Environment variable: the URL the worker reaches the server at. */
    public static final String SERVER_URL_ENV = "TEMPER_SERVER_URL";
    /** Environment variable: the id of the job the worker runs. */
    public static final String JOB_ID_ENV = "TEMPER_JOB_ID";
    /** Environment variable: the attempt's token, which the worker sends in {@link #JOB_TOKEN_HEADER}. */
    public static final String JOB_TOKEN_ENV = "TEMPER_JOB_TOKEN";
    /** Optional environment variable: how long the worker keeps retrying a server it cannot reach. */
    public static final String SERVER_PATIENCE_SECONDS_ENV = "TEMPER_SERVER_PATIENCE_SECONDS";
    /** Environment variable: where DJL's TensorFlow engine finds the native library. */
    public static final String TENSORFLOW_LIBRARY_PATH_ENV = "TENSORFLOW_LIBRARY_PATH";

    /** A per-job, per-attempt secret; only its hash is stored on the server. */
    public static final String JOB_TOKEN_HEADER = "X-Temper-Job-Token";
    /** The content hash of an uploaded model, computed by the engine over the exported files. */
    public static final String MODEL_SHA256_HEADER = "X-Temper-Model-Sha256";
    /** The engine's manifest of an uploaded model, base64-encoded JSON. */
    public static final String MODEL_MANIFEST_HEADER = "X-Temper-Model-Manifest";

    /** The root of one job's endpoints; those below are relative to it. */
    public static final String JOB_PATH = "/api/worker/jobs/{jobId}";
    public static final String SPEC_PATH = "/spec";
    public static final String DATASET_PATH = "/dataset";
    public static final String INPUT_MODEL_PATH = "/input-model";
    public static final String BASELINE_MODEL_PATH = "/baseline-model";
    /** An evaluation's model's training dataset version (canonical file), to exclude test examples it has seen. */
    public static final String TRAINING_DATA_PATH = "/training-data";
    public static final String HEARTBEAT_PATH = "/heartbeat";
    public static final String METRICS_PATH = "/metrics";
    public static final String LOGS_PATH = "/logs";
    /** PUT with the query parameter {@link #EPOCH_PARAM} stores a checkpoint; GET fetches the latest. */
    public static final String CHECKPOINT_PATH = "/checkpoint";
    public static final String EPOCH_PARAM = "epoch";
    public static final String MODEL_PATH = "/model";
    public static final String EVALUATION_PATH = "/evaluation";
    public static final String FAILURE_PATH = "/failure";

    private WorkerProtocol() {
    }

    /** {@link #JOB_PATH} for one job. */
    public static String jobPath(long jobId) {
        return JOB_PATH.replace("{jobId}", Long.toString(jobId));
    }
}
