package dev.temper.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProfileTest {

    private static final int HEIGHT = 6;
    private static final int WIDTH = 5;
    private static final List<String> CLASSES = List.of("cat", "dog", "bird");

    @TempDir
    Path dir;

    /** 40 random 6x5 RGB images, labels 0,1,0,1,2,... (bird every fifth), the last one a copy of #3. */
    private static List<Sample> photos() {
        Random random = new Random(11);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            float[] pixels = new float[HEIGHT * WIDTH * 3];
            for (int p = 0; p < pixels.length; p++) {
                // channel-dependent ranges so that a channel mix-up shows
                int channel = p % 3;
                pixels[p] = (channel * 60 + random.nextInt(100)) / 255f;
            }
            int label = i % 5 == 4 ? 2 : i % 2;
            samples.add(new Sample(i < 30 ? Split.TRAIN : Split.VALIDATION, label, "img/" + i + ".png", pixels));
        }
        samples.add(new Sample(Split.TEST, 1, "img/copy.png", samples.get(3).values().clone()));
        return samples;
    }

    private Path writePhotos(List<Sample> samples) {
        return CanonicalFiles.write(dir.resolve("photos.temper"),
                CanonicalFiles.imageHeader(HEIGHT, WIDTH, 3, CLASSES, 0), samples);
    }

    @Test
    void profilesChannelsShapePreviewAndDuplicates() throws Exception {
        List<Sample> samples = photos();
        DatasetProfile profile = DatasetProfiler.profile(writePhotos(samples));

        assertThat(profile.kind()).isEqualTo(DataKind.IMAGE);
        assertThat(profile.image().height()).isEqualTo(HEIGHT);
        assertThat(profile.image().width()).isEqualTo(WIDTH);
        assertThat(profile.image().channels()).isEqualTo(3);
        assertThat(profile.image().channelStats()).extracting(ValueStats::name)
                .containsExactly("red", "green", "blue");
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double min = 1;
            double max = 0;
            long count = 0;
            for (Sample sample : samples) {
                for (int p = c; p < sample.values().length; p += 3) {
                    sum += sample.values()[p];
                    min = Math.min(min, sample.values()[p]);
                    max = Math.max(max, sample.values()[p]);
                    count++;
                }
            }
            double mean = sum / count;
            double squares = 0;
            for (Sample sample : samples) {
                for (int p = c; p < sample.values().length; p += 3) {
                    squares += (sample.values()[p] - mean) * (sample.values()[p] - mean);
                }
            }
            ValueStats stats = profile.image().channelStats().get(c);
            assertThat(stats.count()).isEqualTo(40L * HEIGHT * WIDTH);
            assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
            assertThat(stats.std()).isCloseTo(Math.sqrt(squares / count), within(1e-9));
            assertThat(stats.min()).isCloseTo(min, within(1e-7));
            assertThat(stats.max()).isCloseTo(max, within(1e-7));
        }
        // first eight per class in file order: cats at even i except multiples of 5 minus one, and so on
        assertThat(profile.preview()).containsExactly(
                Map.entry("cat", List.of(0, 2, 6, 8, 10, 12, 16, 18)),
                Map.entry("dog", List.of(1, 3, 5, 7, 11, 13, 15, 17)),
                Map.entry("bird", List.of(4, 9, 14, 19, 24, 29, 34)));
        assertThat(profile.duplicates().groups()).isEqualTo(1);
        assertThat(profile.duplicates().crossSplitPairs()).containsEntry("train/test", 1);
        assertThat(profile.duplicates().examples().get(0).ids()).containsExactly("img/3.png", "img/copy.png");
        assertThat(profile.features()).isEmpty();
        assertThat(profile.missing().cells()).isZero();
    }

    @Test
    void rendersAnRgbSampleAsAnUpscaledPng() throws Exception {
        List<Sample> samples = photos();
        DatasetHeader header = CanonicalFiles.imageHeader(HEIGHT, WIDTH, 3, CLASSES, samples.size());
        float[] pixels = samples.get(7).values();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PreviewImages.png(header, pixels, 4)));

        assertThat(image.getWidth()).isEqualTo(WIDTH * 4);
        assertThat(image.getHeight()).isEqualTo(HEIGHT * 4);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int offset = (y * WIDTH + x) * 3;
                int expected = byteOf(pixels[offset]) << 16 | byteOf(pixels[offset + 1]) << 8
                        | byteOf(pixels[offset + 2]);
                assertThat(image.getRGB(x * 4, y * 4) & 0xffffff).isEqualTo(expected);
                assertThat(image.getRGB(x * 4 + 3, y * 4 + 3) & 0xffffff).isEqualTo(expected);
            }
        }
    }

    @Test
    void rendersAGraySample() throws Exception {
        float[] pixels = new float[4 * 3];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = p * 20 / 255f;
        }
        DatasetHeader header = CanonicalFiles.imageHeader(4, 3, 1, List.of("digit"), 1);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PreviewImages.png(header, pixels, 2)));

        assertThat(image.getWidth()).isEqualTo(6);
        assertThat(image.getHeight()).isEqualTo(8);
        assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(0);
        assertThat(image.getRaster().getSample(2 * 2 + 1, 3 * 2, 0)).isEqualTo(11 * 20);
    }

    @Test
    void collectsTheWantedSamplesInOneRead() throws Exception {
        List<Sample> samples = photos();
        Path file = writePhotos(samples);

        Map<Integer, byte[]> pngs;
        try (InputStream in = Files.newInputStream(file)) {
            pngs = PreviewImages.collect(in, List.of(19, 2, 39, 500), 1);
        }

        assertThat(pngs).containsOnlyKeys(2, 19, 39);
        BufferedImage last = ImageIO.read(new ByteArrayInputStream(pngs.get(39)));
        float[] copied = samples.get(39).values();
        assertThat(last.getRGB(0, 0) & 0xffffff).isEqualTo(
                byteOf(copied[0]) << 16 | byteOf(copied[1]) << 8 | byteOf(copied[2]));
    }

    @Test
    void refusesToRenderTabularData() {
        DatasetHeader header = CanonicalFiles.tabularHeader(List.of("a"), List.of("x"), 1);

        assertThatThrownBy(() -> PreviewImages.png(header, new float[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only image datasets have preview images.");
    }

    private static int byteOf(float value) {
        return Math.round(value * 255f);
    }
}
