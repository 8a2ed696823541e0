package dev.temper.dataset.derive;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small parent files written with the real format, and a way to run a derivation and read its result. */
final class DerivationFixtures {

    static final float NAN = Float.NaN;

    private DerivationFixtures() {
    }

    /**
     * Twelve customers (age, income, tenure in years), "stays" or "churns", with four missing values (one in
     * test), sample 5 an exact copy of sample 0 (both train) and sample 9 a copy of train sample 2 in test.
     */
    static byte[] customers() {
        List<Sample> samples = List.of(
                new Sample(Split.TRAIN, 0, "c0", new float[] {34, 52000, 5}),
                new Sample(Split.TRAIN, 0, "c1", new float[] {45, NAN, 10}),
                new Sample(Split.TRAIN, 1, "c2", new float[] {23, 31000, 1}),
                new Sample(Split.TRAIN, 1, "c3", new float[] {NAN, 28000, 2}),
                new Sample(Split.TRAIN, 0, "c4", new float[] {52, 61000, 20}),
                new Sample(Split.TRAIN, 0, "c5", new float[] {34, 52000, 5}),
                new Sample(Split.VALIDATION, 0, "c6", new float[] {41, 47000, NAN}),
                new Sample(Split.VALIDATION, 1, "c7", new float[] {29, 35000, 3}),
                new Sample(Split.TEST, 0, "c8", new float[] {38, NAN, 8}),
                new Sample(Split.TEST, 1, "c9", new float[] {23, 31000, 1}),
                new Sample(Split.TEST, 0, "c10", new float[] {60, 90000, 30}),
                new Sample(Split.TRAIN, 0, "c11", new float[] {31, 44000, 4}));
        return file(tabularHeader(List.of("age", "income", "tenure"), samples.size()), samples);
    }

    static DatasetHeader tabularHeader(List<String> features, int sampleCount) {
        return new DatasetHeader(DataKind.TABULAR, List.of(features.size()), features, List.of("stays", "churns"),
                false, SplitPlan.DEFAULT, sampleCount);
    }

    static DatasetHeader imageHeader(int height, int width, int channels, int sampleCount) {
        return new DatasetHeader(DataKind.IMAGE, List.of(height, width, channels), List.of(),
                List.of("plain", "striped"), true, SplitPlan.DEFAULT, sampleCount);
    }

    /** Images of one grey level with a little seeded texture, alternating classes and splits. */
    static byte[] greyImages(int count, int side, float level, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] pixels = new float[side * side];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = Math.max(0, Math.min(1, level + (random.nextInt(5) - 2) / 255f));
            }
            samples.add(new Sample(Split.values()[i % 3], i % 2, "img-" + i + ".png", pixels));
        }
        return file(imageHeader(side, side, 1, count), samples);
    }

    static byte[] file(DatasetHeader header, List<Sample> samples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DatasetFile.Writer writer = DatasetFile.writer(bytes, header)) {
            for (Sample sample : samples) {
                writer.write(sample);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StreamSource source(byte[] file) {
        return () -> new ByteArrayInputStream(file);
    }

    static List<Sample> samples(byte[] file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (DatasetFile.Reader reader = DatasetFile.reader(new ByteArrayInputStream(file))) {
            reader.forEachRemaining((index, sample) -> samples.add(sample));
        }
        return samples;
    }

    static DatasetHeader header(byte[] file) throws IOException {
        try (DatasetFile.Reader reader = DatasetFile.reader(new ByteArrayInputStream(file))) {
            return reader.header();
        }
    }

    static Derived derive(byte[] parent, Derivation derivation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DerivationSummary summary = Deriver.derive(source(parent), derivation, out);
        return new Derived(summary, out.toByteArray());
    }

    /** A derivation's summary and the file it wrote. */
    record Derived(DerivationSummary summary, byte[] file) {

        List<Sample> samples() throws IOException {
            return DerivationFixtures.samples(file);
        }

        DatasetHeader header() throws IOException {
            return DerivationFixtures.header(file);
        }

        List<String> ids() throws IOException {
            return samples().stream().map(Sample::id).toList();
        }
    }
}
