package dev.temper.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.dataset.Dataset;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.OptimizerSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.registry.ModelVersion;
import dev.temper.training.JobScheduling;
import dev.temper.training.JobSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job form without a server: what it submits, and that invalid input submits nothing. */
class JobFormTest {

    private final DatasetVersion blobs = dataset(7L, "blobs", 2);
    private final ModelVersion base = model(11L, "blob-net", 1, blobs);
    private final List<JobSubmission> submitted = new ArrayList<>();
    private JobForm form;

    @BeforeEach
    void createForm() {
        form = new JobForm();
        form.setDatasets((name, offset, limit) -> Stream.of(blobs));
        form.setBaseModels((name, offset, limit) -> Stream.of(base));
        form.addSubmitListener(event -> submitted.add(event.submission()));
    }

    @Test
    void fineTuningSubmitsTheBaseVersionAndTheStrategy() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.strategy.epochs.setValue(3);
        form.strategy.learningRate.setValue(0.05);
        form.strategy.frozenLayers.setValue(1);
        form.strategy.attack.setValue(AdversarialSpec.Method.PGD);
        form.strategy.epsilon.setValue(0.2);
        form.strategy.pgdSteps.setValue(5);

        form.submit.click();

        TrainingStrategy expected = TrainingStrategy.of(3, 32, 0.05, 42)
                .withFreeze(FreezeSpec.firstLayers(1))
                .withAdversarial(new AdversarialSpec(AdversarialSpec.Method.PGD, 0.2, 0.1, 5, true, 0.5, false, 0));
        assertThat(submitted).containsExactly(
                new JobSubmission(JobKind.FINETUNE, "blob-net", 7L, 11L, null, expected, null,
                        JobScheduling.DEFAULT));
    }

    @Test
    void preTrainingStartsFromScratchWithTheChosenNetwork() {
        form.baseModel.setValue(base);
        form.kind.setValue(JobKind.PRETRAIN);
        form.modelName.setValue("fresh");
        form.dataset.setValue(blobs);
        form.architecture.type.setValue(ArchitectureSpec.Type.CNN);
        form.architecture.imageShape.setValue("8x8x1");
        form.strategy.optimizer.setValue(OptimizerSpec.Kind.SGD);

        form.submit.click();

        assertThat(form.baseModel.isEnabled()).isFalse();
        assertThat(submitted).containsExactly(new JobSubmission(JobKind.PRETRAIN, "fresh", 7L, null,
                ArchitectureSpec.cnn(8, 8, 1, List.of(16, 32), List.of(64)),
                TrainingStrategy.of(10, 32, 0.01, 42).withOptimizer(new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.01,
                        0.9, 0)), null, JobScheduling.DEFAULT));
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
    void onlyTheFieldsOfTheChosenAttackShow() {
        assertThat(form.strategy.epsilon.isVisible()).isFalse();
        form.strategy.attack.setValue(AdversarialSpec.Method.FGSM);
        assertThat(form.strategy.epsilon.isVisible()).isTrue();
        assertThat(form.strategy.pgdSteps.isVisible()).isFalse();
        form.strategy.attack.setValue(AdversarialSpec.Method.PGD);
        assertThat(form.strategy.pgdSteps.isVisible()).isTrue();
    }

    @Test
    void zeroEpochsSubmitNothingAndSayWhy() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.strategy.epochs.setValue(0);

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.strategy.epochs.isInvalid()).isTrue();
        assertThat(form.error.getText()).startsWith("epochs");
    }

    @Test
    void anAttackWithoutStrengthSubmitsNothing() {
        form.modelName.setValue("blob-net");
        form.dataset.setValue(blobs);
        form.baseModel.setValue(base);
        form.strategy.attack.setValue(AdversarialSpec.Method.FGSM);
        form.strategy.epsilon.setValue(0.0);

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.strategy.epsilon.isInvalid()).isTrue();
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
        form.strategy.learningRate.clear();

        form.submit.click();

        assertThat(submitted).isEmpty();
        assertThat(form.strategy.learningRate.isInvalid()).isTrue();
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
