package dev.temper.dataset.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.DataKind;
import dev.temper.contract.Sample;
import dev.temper.contract.SplitPlan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetImporterIdxTest {

    @TempDir
    Path root;
    private StagingSupport support;

    @BeforeEach
    void setUp() throws Exception {
        support = new StagingSupport(root);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {true, false})
    void stagesEveryImageWithItsLabel(boolean gzip) throws Exception {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(gzip);
        try (StagedDataset staged = support.stage(ImportRequest.idx(), pair.images(), pair.labels())) {
            assertThat(staged.header().kind()).isEqualTo(DataKind.IMAGE);
            assertThat(staged.header().shape())
                    .containsExactly(UploadFixtures.IDX_ROWS, UploadFixtures.IDX_COLUMNS, 1);
            assertThat(staged.header().featureNames()).isEmpty();
            assertThat(staged.header().classNames()).isEqualTo(UploadFixtures.IDX_CLASSES);
            assertThat(staged.header().uint8()).isTrue();
            assertThat(staged.header().splits()).isEqualTo(SplitPlan.DEFAULT);
            assertThat(staged.header().sampleCount()).isEqualTo(UploadFixtures.IDX_COUNT);

            List<Sample> samples = StagingSupport.samples(staged);
            for (int i = 0; i < UploadFixtures.IDX_COUNT; i++) {
                int expectedLabel = UploadFixtures.IDX_CLASSES.indexOf(
                        Integer.toString(UploadFixtures.idxLabel(i) & 0xff));
                assertThat(staged.labels()[i]).isEqualTo(expectedLabel);
                assertThat(samples.get(i).label()).isEqualTo(expectedLabel);
                assertThat(samples.get(i).id()).isNull();
                assertThat(samples.get(i).values()).containsExactly(scaled(UploadFixtures.idxPixels(i)));
            }
            StagingSupport.assertHashesMatch(staged, samples);
        }
        assertThat(support.workFiles()).isEmpty();
    }

    @Test
    void everyByteValueSurvivesAndGzipAndPlainFilesMix() throws Exception {
        byte[] allValues = new byte[256];
        for (int i = 0; i < 256; i++) {
            allValues[i] = (byte) i;
        }
        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) {
            reversed[i] = (byte) (255 - i);
        }
        byte[] images = UploadFixtures.gzip(UploadFixtures.idxImages(new byte[][] {allValues, reversed}, 16, 16));
        byte[] labels = UploadFixtures.idxLabels(new byte[] {(byte) 200, 3});
        try (StagedDataset staged = support.stage(ImportRequest.idx(), images, labels)) {
            List<Sample> samples = StagingSupport.samples(staged);
            assertThat(staged.header().classNames()).containsExactly("3", "200");
            assertThat(staged.labels()).containsExactly(1, 0);
            assertThat(samples.get(0).values()).containsExactly(scaled(allValues));
            assertThat(samples.get(1).values()).containsExactly(scaled(reversed));
            StagingSupport.assertHashesMatch(staged, samples);
        }
    }

    @Test
    void acceptsTheShapeTheFilesHave() throws Exception {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(true);
        ImportRequest request = new ImportRequest(UploadFormat.IDX, null, null,
                List.of(UploadFixtures.IDX_ROWS, UploadFixtures.IDX_COLUMNS, 1));
        try (StagedDataset staged = support.stage(request, pair.images(), pair.labels())) {
            assertThat(staged.header().sampleCount()).isEqualTo(UploadFixtures.IDX_COUNT);
        }
    }

    @Test
    void refusesAnotherShapeThanRequested() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(true);
        ImportRequest request = new ImportRequest(UploadFormat.IDX, null, null, List.of(28, 28, 1));
        assertThat(support.refusal(request, pair.images(), pair.labels()))
                .isEqualTo("The images file holds 6x5 grayscale images, shape [6, 5, 1], but the upload expects"
                        + " the shape [28, 28, 1].");
    }

    @Test
    void refusesAWrongMagicNumber() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxWrongMagic();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The images file has 2 dimensions (magic number 0x00000802); expected 3,"
                        + " magic number 0x00000803.");
        assertThat(support.refusal(ImportRequest.idx(), UploadFixtures.png(UploadFixtures.grayImage(0)),
                pair.labels()))
                .isEqualTo("The images file starts with 0x89504E47, which is not an IDX magic number;"
                        + " expected 0x00000803 (unsigned bytes, 3 dimensions).");
    }

    @Test
    void takesTheTwoFilesInEitherOrder() throws Exception {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(true);
        String[] inOrder;
        try (StagedDataset staged = support.stage(ImportRequest.idx(), pair.images(), pair.labels())) {
            inOrder = staged.sampleHashes();
        }
        try (StagedDataset staged = support.stage(ImportRequest.idx(), pair.labels(), pair.images())) {
            assertThat(staged.sampleHashes()).containsExactly(inOrder);
            assertThat(staged.header().sampleCount()).isEqualTo(UploadFixtures.IDX_COUNT);
        }
    }

    @Test
    void refusesTwoLabelsFiles() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(false);
        assertThat(support.refusal(ImportRequest.idx(), pair.labels(), pair.labels()))
                .isEqualTo("The images file has the magic number 0x00000801 of an IDX labels file,"
                        + " expected 0x00000803; were the two files swapped?");
    }

    @Test
    void refusesAnUnsupportedDataType() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxSignedBytes();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The images file holds signed bytes (magic number 0x00000903); only unsigned bytes"
                        + " are supported, expected 0x00000803.");
    }

    @Test
    void refusesCountsThatDoNotMatch() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxMismatchedCounts();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The images file holds 12 images but the labels file holds 11 labels;"
                        + " they must match one to one.");
    }

    @Test
    void refusesATruncatedFileAndSaysHowManyItemsItHolds() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxTruncatedPlain();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The images file is truncated: its header announces 12 images but it holds only 7.");
    }

    @Test
    void refusesBytesAfterTheAnnouncedItems() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxTrailingBytes();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The labels file has 3 bytes after the 12 labels its header announces.");
    }

    @Test
    void refusesATruncatedGzipStream() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxTruncatedGzip();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .startsWith("The gzip stream of the images file ends early, ")
                .endsWith("; the upload may have been cut off.");
    }

    @Test
    void refusesAGzipStreamThatEndsInItsTrailer() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(true);
        byte[] labels = Arrays.copyOf(pair.labels(), pair.labels().length - 4);
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), labels))
                .isEqualTo("The gzip stream of the labels file ends early, after all 12 labels;"
                        + " the upload may have been cut off.");
    }

    @Test
    void refusesZeroImages() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxEmpty();
        assertThat(support.refusal(ImportRequest.idx(), pair.images(), pair.labels()))
                .isEqualTo("The images file holds no images (its header announces 0).");
    }

    @Test
    void refusesMorePixelsThanTheUnpackedLimit() {
        UploadFixtures.IdxPair pair = UploadFixtures.idxPair(true);
        assertThat(support.refusal(ImportRequest.idx(), new ImportLimits(100, 100, 10), pair.images(), pair.labels()))
                .isEqualTo("The images file announces 360 bytes of pixels; at most 100 are accepted.");
    }

    @Test
    void refusesASingleFile() {
        assertThat(support.refusal(ImportRequest.idx(), UploadFixtures.idxPair(true).images()))
                .isEqualTo("Got 1 file, but an IDX upload needs two files, the images file and the labels file.");
    }

    private static float[] scaled(byte[] pixels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        return values;
    }
}
