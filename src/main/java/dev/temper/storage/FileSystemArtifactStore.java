package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The default store: a directory (a PersistentVolumeClaim in a cluster). A write that would leave less than the
 * reserve free is refused before its first byte, and one that the disk could not take is reported as the store
 * being full, so a full volume fails uploads with a clear {@link ArtifactStoreFullException} and never leaves a
 * partial file behind.
 */
public class FileSystemArtifactStore implements ArtifactStore {

    /** How many bytes the file system holding a directory can still take: a seam for tests of a full disk. */
    interface FreeSpace {
        long usableBytes(Path directory) throws IOException;
    }

    private final Path root;
    private final long minFreeBytes;
    private final FreeSpace freeSpace;

    public FileSystemArtifactStore(Path root, long minFreeBytes) {
        this(root, minFreeBytes, directory -> Files.getFileStore(directory).getUsableSpace());
    }

    FileSystemArtifactStore(Path root, long minFreeBytes, FreeSpace freeSpace) {
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("The store's free-space reserve must not be negative: " + minFreeBytes);
        }
        this.root = root.toAbsolutePath().normalize();
        this.minFreeBytes = minFreeBytes;
        this.freeSpace = freeSpace;
    }

    @Override
    public void put(String key, Path content) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            throw alreadyStored(key);
        }
        Files.createDirectories(target.getParent());
        long size = Files.size(content);
        requireRoom(key, target.getParent(), size);
        // Copy to a temporary sibling and rename, so a reader never sees a half-written artifact. The
        // sibling's name is unique so two writers of one key cannot mix their bytes, and the rename
        // (without REPLACE_EXISTING) refuses to replace an artifact that appeared meanwhile.
        // (Not Files.createTempFile: its owner-only permissions would carry over to the artifact.)
        Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            Files.copy(content, partial);
            Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
            throw alreadyStored(key);
        } catch (IOException e) {
            // The disk filled while copying (another writer got there first): the partial file is removed below,
            // and the caller learns that the store is full rather than a bare "No space left on device".
            if (outOfSpace(e)) {
                throw new ArtifactStoreFullException(key, freeSpace.usableBytes(target.getParent()), size,
                        minFreeBytes);
            }
            throw e;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void requireRoom(String key, Path directory, long size) throws IOException {
        long usable = freeSpace.usableBytes(directory);
        if (usable - size < minFreeBytes) {
            throw new ArtifactStoreFullException(key, usable, size, minFreeBytes);
        }
    }

    /** ENOSPC (or EDQUOT, a quota on the volume) as the JDK reports it on Linux: only the message says which. */
    private static boolean outOfSpace(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw notStored(key);
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return Files.size(resolve(key));
        } catch (NoSuchFileException e) {
            throw notStored(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove artifact " + key + " from " + root, e);
        }
    }

    @Override
    public Map<String, Object> probe() throws IOException {
        Files.createDirectories(root);
        if (!Files.isWritable(root)) {
            throw new IOException("The artifact directory " + root + " is not writable");
        }
        return Map.of("root", root.toString(), "usableBytes", freeSpace.usableBytes(root),
                "reserveBytes", minFreeBytes);
    }

    private Path resolve(String key) {
        return root.resolve(ArtifactKey.check(key));
    }

    private FileAlreadyExistsException alreadyStored(String key) {
        return new FileAlreadyExistsException(key, null, "an artifact is already stored under this key in " + root);
    }

    private NoSuchFileException notStored(String key) {
        return new NoSuchFileException(key, null, "no artifact is stored under this key in " + root);
    }
}
