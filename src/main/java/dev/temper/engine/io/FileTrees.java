package dev.temper.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes a file or directory with everything below it. Here in the engine because the worker may use
 * only the engine and the API contract; the server uses it too.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes the tree, deepest entries first; nothing when it does not exist. Stops at the first failure. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        for (Path path : deepestFirst(root)) {
            Files.delete(path);
        }
    }

    /**
     * Deletes what it can of a temporary tree and ignores the rest: the OS cleans its temp directory, and a
     * leftover file must not fail the work that used it.
     */
    public static void deleteQuietly(Path root) {
        try {
            deepestFirst(root).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Nothing more to do for a temporary tree.
        }
    }

    private static List<Path> deepestFirst(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted(Comparator.reverseOrder()).toList();
        }
    }
}
