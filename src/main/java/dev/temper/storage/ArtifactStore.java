package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where datasets, models and logs live. Keys are relative, slash-separated names chosen by the
 * server; a stored artifact is never modified, only replaced as a whole or deleted on rollback.
 *
 * <p>A key whose segments are empty, {@code .} or {@code ..}, or that starts with a slash, is refused
 * with an {@link IllegalArgumentException} by every store, so a key means the same thing everywhere.
 */
public interface ArtifactStore {

    /**
     * Stores the file's content under the key, replacing nothing: the key must be new. The file is
     * streamed, never held in memory, so artifacts may be far larger than the heap.
     *
     * @throws java.nio.file.FileAlreadyExistsException if an artifact is already stored under the key
     * @throws ArtifactStoreFullException (unchecked, a 507 problem) if the store has no room for it; nothing is
     *     left stored under the key
     */
    void put(String key, Path content) throws IOException;

    /**
     * Streams the artifact; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException if no artifact is stored under the key
     */
    InputStream open(String key) throws IOException;

    /**
     * The artifact's length in bytes, to announce downloads and check uploads without reading them.
     *
     * @throws java.nio.file.NoSuchFileException if no artifact is stored under the key
     */
    long size(String key) throws IOException;

    boolean exists(String key);

    /** Removes an artifact written by a change that did not commit; a missing artifact is not an error. */
    void delete(String key);

    /**
     * For health checks: reaches the store without changing it and returns a few figures to show (where it is, how
     * much room is left).
     *
     * @throws IOException if the store cannot be used at all (a missing or read-only directory, a bucket that does not
     *     answer)
     */
    Map<String, Object> probe() throws IOException;
}
