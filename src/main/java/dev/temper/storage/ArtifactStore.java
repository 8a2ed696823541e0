package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where datasets, models and logs live. Keys are relative, slash-separated names chosen by the
 * server; a stored artifact is never modified, only replaced as a whole or deleted on rollback.
 */
public interface ArtifactStore {

    /** Stores the file's content under the key, replacing nothing: the key must be new. */
    void put(String key, Path content) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    /** Removes an artifact written by a change that did not commit. */
    void delete(String key);
}
