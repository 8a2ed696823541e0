package dev.temper.dataset.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.temper.contract.DataKind;
import dev.temper.contract.Sample;
import dev.temper.contract.SplitPlan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterZipTest {

    private static final ImportRequest INFER_SHAPE = ImportRequest.imageZip(null);
    private static final String FIRST_IMAGE = UploadFixtures.zipEntryName("circle", 0);
    private static final String UNSAFE_ADVICE = ". Entries must be relative paths like cat/001.png.";

    @TempDir
    Path root;
    private StagingSupport support;

    @BeforeEach
    void setUp() throws Exception {
        support = new StagingSupport(root);
    }

    @Test
    void stagesEveryImageUnderItsClassFolderLookingThroughTheTopFolder() throws Exception {
        try (StagedDataset staged = support.stage(INFER_SHAPE, UploadFixtures.imageZip())) {
            assertThat(staged.header().kind()).isEqualTo(DataKind.IMAGE);
            assertThat(staged.header().shape()).containsExactly(8, 8, 3);
            assertThat(staged.header().classNames()).isEqualTo(UploadFixtures.ZIP_CLASSES);
            assertThat(staged.header().uint8()).isTrue();
            assertThat(staged.header().splits()).isEqualTo(SplitPlan.DEFAULT);
            assertThat(staged.header().sampleCount()).isEqualTo(12);

            List<Sample> samples = StagingSupport.samples(staged);
            int index = 0;
            for (int label = 0; label < 3; label++) {
                String className = UploadFixtures.ZIP_CLASSES.get(label);
                for (int i = 0; i < UploadFixtures.ZIP_IMAGES_PER_CLASS; i++, index++) {
                    Sample sample = samples.get(index);
                    assertThat(staged.labels()[index]).isEqualTo(label);
                    assertThat(sample.label()).isEqualTo(label);
                    assertThat(sample.id()).isEqualTo(UploadFixtures.zipEntryName(className, i));
                    assertThat(sample.values()).containsExactly(rgbValues(UploadFixtures.patternImage(className, i)));
                }
            }
            StagingSupport.assertHashesMatch(staged, samples);
            assertThat(staged.sampleHashes()).doesNotHaveDuplicates();
        }
        assertThat(support.workFiles()).isEmpty();
    }

    @Test
    void grayImagesGiveOneChannelAndFoldersAtTheTopAreClasses() throws Exception {
        try (StagedDataset staged = support.stage(INFER_SHAPE, UploadFixtures.grayImageZip())) {
            assertThat(staged.header().shape()).containsExactly(8, 8, 1);
            assertThat(staged.header().classNames()).containsExactly("dark", "light");
            assertThat(staged.labels()).containsExactly(1, 0, 1, 0, 1, 0);
            List<Sample> samples = StagingSupport.samples(staged);
            assertThat(samples.get(0).id()).isEqualTo("light/0.png");
            float[] values = samples.get(0).values();
            assertThat(values[0]).isEqualTo(250 / 255f);
            assertThat(values[8 * 3 + 5]).as("row 3, column 5: the gradient, not gamma-shifted").isEqualTo(90 / 255f);
            StagingSupport.assertHashesMatch(staged, samples);
        }
    }

    @Test
    void colourBecomesGrayByLuminanceWhenOneChannelIsRequested() throws Exception {
        ImportRequest gray = ImportRequest.imageZip(List.of(8, 8, 1));
        try (StagedDataset staged = support.stage(gray, UploadFixtures.imageZip())) {
            assertThat(staged.header().shape()).containsExactly(8, 8, 1);
            Sample cross = StagingSupport.samples(staged).get(4);
            int rgb = UploadFixtures.patternImage("cross", 0).getRGB(0, 0);
            double luminance = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            assertThat(cross.values()[0]).isCloseTo((float) (luminance / 255), within(0.5f / 255));
        }
    }

    @Test
    void grayIsReplicatedWhenThreeChannelsAreRequested() throws Exception {
        try (StagedDataset staged = support.stage(ImportRequest.imageZip(List.of(8, 8, 3)),
                UploadFixtures.grayImageZip())) {
            float[] values = StagingSupport.samples(staged).get(0).values();
            assertThat(values).hasSize(8 * 8 * 3);
            assertThat(new float[] {values[0], values[1], values[2]}).containsOnly(250 / 255f);
        }
    }

    @Test
    void skipsFoldersAndOperatingSystemClutter() throws Exception {
        try (StagedDataset staged = support.stage(INFER_SHAPE, UploadFixtures.zipWithSystemClutter())) {
            assertThat(staged.header().sampleCount()).isEqualTo(12);
            assertThat(staged.header().classNames()).isEqualTo(UploadFixtures.ZIP_CLASSES);
        }
    }

    @Test
    void readsJpegImages() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cat/1.jpg", encode(UploadFixtures.patternImage("circle", 0), "jpeg"));
        entries.put("dog/1.JPEG", encode(UploadFixtures.patternImage("cross", 0), "jpeg"));
        try (StagedDataset staged = support.stage(INFER_SHAPE, UploadFixtures.zip(entries))) {
            assertThat(staged.header().shape()).containsExactly(8, 8, 3);
            assertThat(staged.header().classNames()).containsExactly("cat", "dog");
        }
    }

    @Test
    void refusesADecompressionBomb() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipBomb()))
                .startsWith("ZIP entry 'shapes/cross/bomb.png' unpacks to more than 100 times its compressed size of ")
                .endsWith(" bytes; it looks like a decompression bomb and was refused.");
    }

    @Test
    void refusesAnArchiveThatUnpacksBeyondTheLimit() {
        assertThat(support.refusal(INFER_SHAPE, new ImportLimits(1000, 100, 100), UploadFixtures.imageZip()))
                .startsWith("The ZIP archive unpacks to more than 1000 bytes, the limit; unpacking stopped at entry '");
    }

    @Test
    void refusesTooManyEntries() {
        assertThat(support.refusal(INFER_SHAPE, new ImportLimits(1 << 30, 100, 5), UploadFixtures.imageZip()))
                .isEqualTo("The ZIP archive has 12 entries; at most 5 are accepted.");
    }

    @Test
    void refusesAnEntryThatClimbsOutOfTheArchive() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithParentSegment()))
                .isEqualTo("ZIP entry 'shapes/../../evil.png' has an unsafe path: it has '..' segments that leave"
                        + " the archive's folder" + UNSAFE_ADVICE);
    }

    @Test
    void refusesAnAbsoluteEntry() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithAbsoluteEntry()))
                .isEqualTo("ZIP entry '/etc/cron.d/evil.png' has an unsafe path: it is an absolute path"
                        + UNSAFE_ADVICE);
    }

    @Test
    void refusesAnEntryWithADriveLetter() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithDriveLetter()))
                .isEqualTo("ZIP entry 'C:/Windows/evil.png' has an unsafe path: it starts with a drive letter"
                        + UNSAFE_ADVICE);
    }

    @Test
    void refusesAnEntryWithBackslashes() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithBackslash()))
                .isEqualTo("ZIP entry 'shapes\\cross\\evil.png' has an unsafe path: it contains backslashes"
                        + UNSAFE_ADVICE);
    }

    @Test
    void refusesAnEntryThatIsNotAnImage() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithNonImage()))
                .isEqualTo("ZIP entry 'shapes/circle/notes.txt' is not an image; the archive may only hold PNG and"
                        + " JPEG files (.png, .jpg, .jpeg).");
    }

    @Test
    void refusesAnImageThatDoesNotDecode() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithUndecodablePng()))
                .startsWith("ZIP entry 'shapes/cross/broken.png' is not a readable PNG or JPEG image (");
    }

    @Test
    void refusesAnImageInAnotherFormat() throws Exception {
        Map<String, byte[]> entries = UploadFixtures.validImageEntries();
        entries.put("shapes/cross/fake.png", encode(UploadFixtures.patternImage("cross", 2), "gif"));
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zip(entries)))
                .isEqualTo("ZIP entry 'shapes/cross/fake.png' is a GIF image;"
                        + " only PNG and JPEG images are supported.");
    }

    @Test
    void refusesAnImageOfAnotherSizeThanTheFirst() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithWrongSizePng()))
                .isEqualTo("ZIP entry 'shapes/stripes/big.png' is 16 pixels wide and 12 high; every image must be"
                        + " 8 wide and 8 high like the first image '" + FIRST_IMAGE + "'.");
    }

    @Test
    void refusesAnImageOfAnotherSizeThanRequested() {
        assertThat(support.refusal(ImportRequest.imageZip(List.of(8, 10, 3)), UploadFixtures.imageZip()))
                .isEqualTo("ZIP entry '" + FIRST_IMAGE + "' is 8 pixels wide and 8 high; every image must be"
                        + " 10 wide and 8 high as the upload requests.");
    }

    @Test
    void refusesAnImageOutsideAClassFolder() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithTopLevelImage()))
                .isEqualTo("ZIP entry 'shapes/loose.png' is not in a class folder; put each image in a folder named"
                        + " after its class, like cat/001.png.");
    }

    @Test
    void refusesAnImageNestedInsideAClassFolder() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cat/1.png", UploadFixtures.png(UploadFixtures.grayImage(1)));
        entries.put("dog/puppies/1.png", UploadFixtures.png(UploadFixtures.grayImage(2)));
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zip(entries)))
                .isEqualTo("ZIP entry 'dog/puppies/1.png' is in a folder inside a class folder; put each image"
                        + " directly in the folder named after its class, like cat/001.png.");
    }

    @Test
    void refusesAnArchiveWithoutImages() {
        String expected = "The ZIP archive holds no PNG or JPEG images; put the images in one folder per class,"
                + " like cat/001.png.";
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zipWithoutImages())).isEqualTo(expected);
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.zip(Map.of()))).isEqualTo(expected);
    }

    @Test
    void refusesAFileThatIsNotAZip() {
        assertThat(support.refusal(INFER_SHAPE, UploadFixtures.notAZip()))
                .startsWith("The file is not a ZIP archive, or it is damaged (");
    }

    @Test
    void refusesAnInvalidRequestedShape() {
        assertThat(support.refusal(ImportRequest.imageZip(List.of(8, 8, 2)), UploadFixtures.imageZip()))
                .startsWith("The image shape [8, 8, 2] is not valid; it must be [height, width, channels]");
    }

    private static float[] rgbValues(BufferedImage image) {
        float[] values = new float[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                values[i++] = (rgb >> 16 & 0xff) / 255f;
                values[i++] = (rgb >> 8 & 0xff) / 255f;
                values[i++] = (rgb & 0xff) / 255f;
            }
        }
        return values;
    }

    private static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }
}
