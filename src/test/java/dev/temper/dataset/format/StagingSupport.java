package dev.temper.dataset.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes uploads to disk, stages them, and checks what the work folder holds afterwards. */
final class StagingSupport {

    private final Path uploads;
    private final Path work;

    StagingSupport(Path root) throws IOException {
        this.uploads = Files.createDirectories(root.resolve("uploads"));
        this.work = Files.createDirectories(root.resolve("work"));
    }

    Path work() {
        return work;
    }

    Path upload(String name, byte[] content) {
        try {
            return Files.write(uploads.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StagedDataset stage(ImportRequest request, ImportLimits limits, byte[]... files) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            paths.add(upload("upload-" + i, files[i]));
        }
        return DatasetImporter.stage(request, paths, limits, work);
    }

    StagedDataset stage(ImportRequest request, byte[]... files) throws Exception {
        return stage(request, ImportLimits.DEFAULT, files);
    }

    /** Stages an upload that must be refused; returns the message after checking nothing was left behind. */
    String refusal(ImportRequest request, ImportLimits limits, byte[]... files) {
        InvalidUploadException refusal = catchThrowableOfType(InvalidUploadException.class,
                () -> stage(request, limits, files));
        assertThat(refusal).as("the upload must be refused").isNotNull();
        assertThat(workFiles()).as("files left in the work folder").isEmpty();
        return refusal.getMessage();
    }

    String refusal(ImportRequest request, byte[]... files) {
        return refusal(request, ImportLimits.DEFAULT, files);
    }

    List<Path> workFiles() {
        try (Stream<Path> files = Files.list(work)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Sample> samples(StagedDataset staged) throws IOException {
        List<Sample> samples = new ArrayList<>();
        staged.forEach((index, sample) -> {
            assertThat(index).isEqualTo(samples.size());
            samples.add(sample);
        });
        return samples;
    }

    /** Every staged hash must be what the canonical format computes for the values read back. */
    static void assertHashesMatch(StagedDataset staged, List<Sample> samples) {
        String[] hashes = staged.sampleHashes();
        assertThat(hashes).hasSize(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(hashes[i]).as("hash of sample %d", i)
                    .isEqualTo(DatasetFile.sampleHash(staged.header(), samples.get(i).values()));
        }
    }
}
