package dev.temper.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.JobKind;
import dev.temper.contract.Strategy;
import dev.temper.dataset.Dataset;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.training.JobSubmission;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job form without a server: what it submits, and that invalid input submits nothing. */
class JobFormTest {

    private static ValidatorFactory validation;

    private final DatasetVersion blobs = dataset(7L, "blobs", 2);
    private final ModelVersion base = model(11L, "blob-net", 1, blobs);
    private final List<JobSubmission> submitted = new ArrayList<>();
    private JobForm form;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @BeforeEach
    void createForm() {
        form = new JobForm(validation.getValidator());
        form.setDatasets(List.of(blobs));
        form.setBaseModels(List.of(base));
        form.addSubmitListener(event -> submitted.add(event.submission()));
    }

    @Test
    void fineTuningSubmitsTheBaseVersionAndTheStrategy() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.epochs.setValue(3);
        form.learningRate.setValue(0.05);
        form.frozenLayers.setValue(1);
        form.fgsm.setValue(true);
        form.fgsmEpsilon.setValue(0.2);

        form.submit.click();

        assertThat(submitted).containsExactly(new JobSubmission(JobKind.FINETUNE, "blob-net", 7L, 11L, null,
                new Strategy(3, 32, 0.05, 1, true, 0.2, 42), null));
    }

    @Test
    void preTrainingStartsFromScratch() {
        form.baseModel.setValue(base);
        form.kind.setValue(JobKind.PRETRAIN);
        form.modelName.setValue("fresh");
        form.dataset.setValue(blobs);

        form.submit.click();

        assertThat(form.baseModel.isEnabled()).isFalse();
        assertThat(submitted).containsExactly(
                new JobSubmission(JobKind.PRETRAIN, "fresh", 7L, null, null, Strategy.defaults(), null));
    }

    @Test
    void anEmptyModelNameSubmitsNothing() {
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.modelName.isInvalid()).isTrue();
    }

    @Test
    void zeroEpochsSubmitNothing() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.epochs.setValue(0);

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.epochs.isInvalid()).isTrue();
    }

    @Test
    void fineTuningWithoutABaseVersionSubmitsNothing() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.baseModel.isInvalid()).isTrue();
    }

    @Test
    void aClearedNumberSubmitsNothing() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.learningRate.clear();

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.learningRate.isInvalid()).isTrue();
    }

    private static DatasetVersion dataset(long id, String name, int version) {
        Dataset dataset = new Dataset();
        dataset.name = name;
        DatasetVersion v = new DatasetVersion();
        v.id = id;
        v.dataset = dataset;
        v.version = version;
        return v;
    }

    private static ModelVersion model(long id, String name, int version, DatasetVersion trainedOn) {
        ModelVersion v = new ModelVersion();
        v.id = id;
        v.name = name;
        v.version = version;
        v.datasetVersion = trainedOn;
        return v;
    }
}
