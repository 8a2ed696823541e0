package dev.temper.contract;

public final class WorkerHeaders {

    /** A per-job, per-attempt secret; only its hash is stored on the server. */
    public static final String JOB_TOKEN = "X-Temper-Job-Token";
    /** The content hash of an uploaded model, computed by the engine over the exported files. */
    public static final String MODEL_SHA256 = "X-Temper-Model-Sha256";

    /** The engine's manifest of an uploaded model, base64-encoded JSON. */
    public static final String MODEL_MANIFEST = "X-Temper-Model-Manifest";

    private WorkerHeaders() {
    }
}
