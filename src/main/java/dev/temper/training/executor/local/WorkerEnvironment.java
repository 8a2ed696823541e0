package dev.temper.training.executor.local;

import dev.temper.contract.WorkerProtocol;
import java.util.Map;
import java.util.Set;

/**
 * What a local worker process inherits from the server's environment: only what a JVM and TensorFlow need to run.
 * The server's own environment holds its database and Keycloak credentials (QUARKUS_DATASOURCE_PASSWORD, client
 * secrets); a worker runs user-chosen training code paths and must see none of them. It gets its job's token instead.
 */
final class WorkerEnvironment {

    /** The JVM's and TensorFlow's needs, and the one worker setting an operator may give all local workers. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
            "JAVA_HOME", "LD_LIBRARY_PATH", WorkerProtocol.SERVER_PATIENCE_SECONDS_ENV);

    private WorkerEnvironment() {
    }

    /** Removes, in place, every variable the worker does not need. */
    static void restrict(Map<String, String> environment) {
        environment.keySet().retainAll(INHERITED);
    }
}
