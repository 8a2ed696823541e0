package dev.temper.contract;

import java.util.List;

/**
 * How the server starts a serving process of the worker ({@code WorkerMain serve ...}) in a Kubernetes Deployment,
 * and the paths that process answers: the Deployment builder and the process read the same names.
 */
public final class ServeProtocol {

    /** The worker's first argument that makes it serve a model instead of running a job. */
    public static final String MODE = "serve";
    /** The model version's zip, as the artifact store holds it. */
    public static final String MODEL_ZIP_OPTION = "--model-zip=";
    /** The content hash the registry recorded; the process refuses to serve files that do not match it. */
    public static final String SHA256_OPTION = "--sha256=";
    public static final String MODEL_VERSION_ID_OPTION = "--model-version-id=";
    public static final String PORT_OPTION = "--port=";

    /** 200 once the model is loaded and answering: the Deployment's readiness probe. */
    public static final String HEALTH_PATH = "/health";
    /** POST {"rows": [[...]]}: the same rows as the server's predict endpoint takes. */
    public static final String PREDICT_PATH = "/predict";

    private ServeProtocol() {
    }

    /** The arguments that serve the version whose zip is at {@code modelZip}. */
    public static List<String> arguments(String modelZip, String sha256, long modelVersionId, int port) {
        return List.of(MODE, MODEL_ZIP_OPTION + modelZip, SHA256_OPTION + sha256,
                MODEL_VERSION_ID_OPTION + modelVersionId, PORT_OPTION + port);
    }
}
