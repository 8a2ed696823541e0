package dev.temper.dataset.format;

import static dev.temper.dataset.format.UploadFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.DataKind;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetImporterCsvTest {

    private static final ImportRequest IRIS = ImportRequest.csv(UploadFixtures.CSV_LABEL, UploadFixtures.CSV_ID);

    @TempDir
    Path root;
    private StagingSupport support;

    @BeforeEach
    void setUp() throws Exception {
        support = new StagingSupport(root);
    }

    @Test
    void stagesEveryRowWithItsFeaturesLabelAndId() throws Exception {
        try (StagedDataset staged = support.stage(IRIS, utf8(UploadFixtures.validCsv()))) {
            assertThat(staged.header().kind()).isEqualTo(DataKind.TABULAR);
            assertThat(staged.header().shape()).containsExactly(4);
            assertThat(staged.header().featureNames()).isEqualTo(UploadFixtures.CSV_FEATURES);
            assertThat(staged.header().classNames()).isEqualTo(UploadFixtures.CSV_CLASSES);
            assertThat(staged.header().uint8()).isFalse();
            assertThat(staged.header().splits()).isEqualTo(SplitPlan.DEFAULT);
            assertThat(staged.header().sampleCount()).isEqualTo(UploadFixtures.CSV_ROWS);

            List<Sample> samples = StagingSupport.samples(staged);
            assertThat(samples).hasSize(UploadFixtures.CSV_ROWS);
            for (int row = 0; row < UploadFixtures.CSV_ROWS; row++) {
                Sample sample = samples.get(row);
                int expectedLabel = UploadFixtures.CSV_CLASSES.indexOf(UploadFixtures.csvClass(row));
                assertThat(staged.labels()[row]).isEqualTo(expectedLabel);
                assertThat(sample.label()).isEqualTo(expectedLabel);
                assertThat(sample.id()).isEqualTo("p" + (row + 1));
                assertThat(sample.split()).isEqualTo(Split.TRAIN);
                assertThat(sample.values()).containsExactly(UploadFixtures.csvValues(row));
            }
            StagingSupport.assertHashesMatch(staged, samples);
            assertThat(support.workFiles()).hasSize(1);
        }
        assertThat(support.workFiles()).as("close deletes the spool").isEmpty();
    }

    @Test
    void missingValueSpellingsBecomeNaNAndQuotedCellsAreRead() throws Exception {
        try (StagedDataset staged = support.stage(ImportRequest.csv("label", "id"),
                utf8(UploadFixtures.csvWithMissingValues()))) {
            List<Sample> samples = StagingSupport.samples(staged);
            assertThat(staged.header().featureNames()).containsExactly("a", "b");
            assertThat(samples).extracting(Sample::id).containsExactly("r1", "r2", "r3", "r4", "r5");
            assertThat(samples.get(0).values()).containsExactly(Float.NaN, 1.5f);
            assertThat(samples.get(1).values()).containsExactly(Float.NaN, 2.5f);
            assertThat(samples.get(2).values()).containsExactly(Float.NaN, 3.5f);
            assertThat(samples.get(3).values()).containsExactly(Float.NaN, Float.NaN);
            assertThat(samples.get(4).values()).containsExactly(7.25f, -5f);
            StagingSupport.assertHashesMatch(staged, samples);
        }
    }

    @Test
    void integerLabelsAreOrderedNumericallyAndWithoutAnIdColumnSamplesHaveNoId() throws Exception {
        String csv = "x,label\r\n1,10\r\n2,9\r\n\r\n3,010\r\n4,-1\r\n";
        try (StagedDataset staged = support.stage(ImportRequest.csv("label", null), utf8(csv))) {
            assertThat(staged.header().classNames()).containsExactly("-1", "9", "10");
            assertThat(staged.labels()).containsExactly(2, 1, 2, 0);
            assertThat(StagingSupport.samples(staged)).extracting(Sample::id).containsOnlyNulls();
        }
    }

    @Test
    void classNamesAreOrderedAlphabeticallyAndAByteOrderMarkIsDropped() throws Exception {
        String csv = "\uFEFFlabel,\"x, the first\"\ncherry,1\nApple,2\nbanana,3\ncherry,4\n";
        try (StagedDataset staged = support.stage(ImportRequest.csv("label", null), utf8(csv))) {
            assertThat(staged.header().featureNames()).containsExactly("x, the first");
            assertThat(staged.header().classNames()).containsExactly("Apple", "banana", "cherry");
            assertThat(staged.labels()).containsExactly(2, 0, 1, 2);
        }
    }

    @Test
    void refusesAFileThatIsNotUtf8AndNamesTheLine() {
        assertThat(support.refusal(IRIS, UploadFixtures.csvNotUtf8()))
                .isEqualTo("The file is not UTF-8 text: line 3 has bytes that are not valid UTF-8."
                        + " Save the file with UTF-8 encoding and upload it again.");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(support.refusal(IRIS, new byte[0]))
                .isEqualTo("The file is empty; a CSV upload needs a header row and data rows.");
        assertThat(support.refusal(IRIS, utf8("\n  \n"))).startsWith("The file is empty");
    }

    @Test
    void refusesAHeaderWithoutRows() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvHeaderOnly())))
                .isEqualTo("The file has a header row but no data rows.");
    }

    @Test
    void refusesAMissingLabelColumnAndListsTheColumns() {
        assertThat(support.refusal(ImportRequest.csv("class", null), utf8(UploadFixtures.validCsv())))
                .isEqualTo("The header has no label column 'class'; its columns are: plant_id, sepal_length,"
                        + " sepal_width, petal_length, petal_width, species.");
    }

    @Test
    void refusesAMissingIdColumn() {
        assertThat(support.refusal(ImportRequest.csv(UploadFixtures.CSV_LABEL, "id"), utf8(UploadFixtures.validCsv())))
                .startsWith("The header has no id column 'id'; its columns are: plant_id,");
    }

    @Test
    void refusesDuplicateColumnNames() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvDuplicateColumns())))
                .isEqualTo("Line 1 (the header) names column 'sepal_width' twice (columns 3 and 5);"
                        + " column names must be unique.");
    }

    @Test
    void refusesARaggedRow() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvRagged())))
                .isEqualTo("Line 7 has 4 cells, the header has 6.");
    }

    @Test
    void refusesANonNumericFeature() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvNonNumeric())))
                .isEqualTo("Line 12, column 'petal_width': 'abc' is not a number.");
    }

    @Test
    void refusesNumbersInJavaOnlyNotations() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvWithLine(4, "p3,5.0,3.4,0x1p3,0.2,setosa"))))
                .isEqualTo("Line 4, column 'petal_length': '0x1p3' is not a number.");
    }

    @Test
    void refusesAnEmptyLabel() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvEmptyLabel())))
                .isEqualTo("Line 9 has no value in the label column 'species'.");
    }

    @Test
    void refusesAHeaderWithoutFeatureColumns() {
        assertThat(support.refusal(ImportRequest.csv("label", "id"), utf8("id,label\na,x\nb,y\n")))
                .isEqualTo("The header has no feature columns: besides the label column 'label' and the id column"
                        + " 'id' there must be at least one numeric column.");
    }

    @Test
    void refusesInfiniteValues() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvInfinite())))
                .isEqualTo("Line 5, column 'sepal_width': 'Infinity' is infinite; only finite numbers"
                        + " (or an empty cell for a missing value) are allowed.");
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvWithLine(6, "p5,1e39,3.4,1.5,0.2,setosa"))))
                .isEqualTo("Line 6, column 'sepal_length': '1e39' is too large for a 32-bit float;"
                        + " only finite numbers are allowed.");
    }

    @Test
    void refusesAQuotedCellThatDoesNotClose() {
        assertThat(support.refusal(IRIS, utf8(UploadFixtures.csvWithLine(3, "p2,5.0,\"3.4,1.5,0.2,setosa"))))
                .isEqualTo("Line 3, cell 3: a quoted field does not end on its line;"
                        + " cells with line breaks are not supported.");
    }

    @Test
    void refusesARequestWithoutLabelColumn() {
        assertThat(support.refusal(ImportRequest.csv(" ", null), utf8(UploadFixtures.validCsv())))
                .isEqualTo("A CSV upload needs the name of its label column.");
    }
}
