package dev.temper.registry;

import java.io.InputStream;

/** A model version's SavedModel archive as stored, opened for download; the caller closes the stream. */
public record ModelArchive(String fileName, String sha256, long size, InputStream content) {
}
