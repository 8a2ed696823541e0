package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/** The default store: a directory (a PersistentVolumeClaim in a cluster). */
public class FileSystemArtifactStore implements ArtifactStore {

    private final Path root;

    public FileSystemArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, Path content) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            throw alreadyStored(key);
        }
        Files.createDirectories(target.getParent());
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
        } finally {
            Files.deleteIfExists(partial);
        }
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
