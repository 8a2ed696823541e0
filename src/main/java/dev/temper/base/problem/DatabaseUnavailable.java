package dev.temper.base.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached (a restart, a failover, refused connections), which a
 * client should retry, rather than a fault of the server, which it should not. The one class outside the
 * repositories that reads JDBC's exceptions: their SQL states are the only reliable sign.
 */
public final class DatabaseUnavailable {

    /**
     * 57P01-57P03: shut down by an administrator, crashed, not accepting connections yet; 53300: too many
     * connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++, current = current.getCause()) {
            if (current instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        // Class 08 is "connection exception"; a database closed to connections reports 55000 with this message;
        // Agroal's pool gives up waiting for a connection with no state at all.
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))
                || "55000".equals(state) && message.contains("not currently accepting connections")
                || state == null && message.startsWith("Acquisition timeout");
    }
}
