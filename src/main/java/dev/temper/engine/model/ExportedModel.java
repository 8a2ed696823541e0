package dev.temper.engine.model;

import java.nio.file.Path;

/** A SavedModel directory with its manifest and the content hash over all its files. */
public record ExportedModel(Path directory, ModelManifest manifest, String sha256) {
}
