package dev.temper.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The harness's artifact store: a small tmpfs when the store-full phase is on (so that it can be filled to the
 * last byte without touching the machine's disk), a plain folder otherwise. Mounted before Quarkus starts, as
 * the store's root is read at start, and unmounted when the JVM ends.
 */
final class ArtifactVolume {

    static final String STORE_FULL_PROPERTY = "load.store-full";
    private static final Path ROOT = Path.of("target", "load-artifacts").toAbsolutePath();
    private static final String SIZE = "256m";

    private ArtifactVolume() {
    }

    static synchronized Path root() {
        try {
            Files.createDirectories(ROOT);
            if (Boolean.getBoolean(STORE_FULL_PROPERTY) && !isTmpfs()) {
                run(List.of("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", ROOT.toString()));
                Runtime.getRuntime().addShutdownHook(new Thread(ArtifactVolume::unmount, "load-artifacts-umount"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ROOT;
    }

    /** Fills the volume but for {@code leftBytes}; returns the ballast file, whose deletion frees it again. */
    static Path fill(long leftBytes) throws IOException {
        Path ballast = ROOT.resolve("ballast");
        long free = Files.getFileStore(ROOT).getUsableSpace();
        run(List.of("fallocate", "-l", Long.toString(Math.max(0, free - leftBytes)), ballast.toString()));
        return ballast;
    }

    static long usableBytes() throws IOException {
        return Files.getFileStore(ROOT).getUsableSpace();
    }

    /** Whether a tmpfs is mounted at the store's root (by this JVM, or by an earlier class loader of it). */
    static boolean isTmpfs() {
        try {
            return Files.readAllLines(Path.of("/proc/mounts")).stream()
                    .anyMatch(line -> line.split(" ")[1].equals(ROOT.toString()) && line.startsWith("tmpfs "));
        } catch (IOException e) {
            return false;
        }
    }

    private static void unmount() {
        try {
            run(List.of("umount", "-l", ROOT.toString()));
        } catch (IOException e) {
            System.err.println("Cannot unmount " + ROOT + ": " + e.getMessage());
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }
}
