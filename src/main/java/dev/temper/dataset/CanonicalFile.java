package dev.temper.dataset;

import dev.temper.base.Sha256;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/** A canonical dataset file written to local disk, with the SHA-256 that becomes its version's identity. */
record CanonicalFile(Path path, DatasetHeader header, String sha256, long sizeBytes) {

    /** Produces the file's bytes; the stream is hashed as it is written, so the file is read only once. */
    @FunctionalInterface
    interface Content {
        /** Writes the whole file and returns its header. */
        DatasetHeader writeTo(OutputStream out) throws IOException;
    }

    static CanonicalFile write(Path path, Content content) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        DatasetHeader header;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
            header = content.writeTo(out);
        }
        return new CanonicalFile(path, header, Sha256.hex(digest), Files.size(path));
    }

    /** Writes samples through a {@link DatasetFile.Writer} for the given header. */
    static Content samples(DatasetHeader header, SampleSource source) {
        return out -> {
            try (DatasetFile.Writer writer = DatasetFile.writer(out, header)) {
                source.writeTo(writer);
            }
            return header;
        };
    }

    @FunctionalInterface
    interface SampleSource {
        void writeTo(DatasetFile.Writer writer) throws IOException;
    }
}
