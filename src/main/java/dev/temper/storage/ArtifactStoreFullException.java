package dev.temper.storage;

import dev.temper.base.problem.ProblemException;
import java.util.Locale;

/**
 * The store has no room for an artifact: answered as 507 Insufficient Storage, with what is free and what was
 * needed, so whoever reads it (a user, a job's failure reason) knows it is the disk and not their data.
 */
public class ArtifactStoreFullException extends ProblemException {

    public static final int INSUFFICIENT_STORAGE = 507;

    public ArtifactStoreFullException(String key, long freeBytes, long artifactBytes, long reserveBytes) {
        super(INSUFFICIENT_STORAGE, "Insufficient storage", "The artifact store is full: " + mib(freeBytes)
                + " free, " + mib(artifactBytes + reserveBytes) + " needed to store " + key + " (" + mib(artifactBytes)
                + ") and keep the reserve of " + mib(reserveBytes) + " free. Nothing was stored; an operator must free"
                + " space or enlarge the store, then the upload or job can be run again.");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
