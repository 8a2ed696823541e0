package dev.temper.dataset.profile;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.SplitPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Writes test samples as canonical dataset files, the way the server stores a version. */
final class CanonicalFiles {

    private CanonicalFiles() {
    }

    static DatasetHeader tabularHeader(List<String> featureNames, List<String> classNames, int sampleCount) {
        return new DatasetHeader(DataKind.TABULAR, List.of(featureNames.size()), featureNames, classNames, false,
                SplitPlan.DEFAULT, sampleCount);
    }

    static DatasetHeader imageHeader(int height, int width, int channels, List<String> classNames,
            int sampleCount) {
        return new DatasetHeader(DataKind.IMAGE, List.of(height, width, channels), List.of(), classNames, true,
                SplitPlan.DEFAULT, sampleCount);
    }

    static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    static Path write(Path file, DatasetHeader header, List<Sample> samples) {
        try (OutputStream out = Files.newOutputStream(file);
                DatasetFile.Writer writer = DatasetFile.writer(out, header.withSampleCount(samples.size()))) {
            for (Sample sample : samples) {
                writer.write(sample);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
