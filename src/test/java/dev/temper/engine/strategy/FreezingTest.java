package dev.temper.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.BlobsFixture;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.MlpLayout;
import dev.temper.engine.model.SavedWeights;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreezingTest {

    @TempDir
    Path tmp;

    private final MlpLayout layout = new MlpLayout(4, List.of(16, 8), 3);

    @Test
    void gradualUnfreezingThawsOneLayerFromTheTopEveryKEpochs() {
        FreezePlan plan = new FreezePlan(FreezeSpec.allButTop(1).withGradualUnfreezing(2), layout);

        assertThat(plan.trainableLayers(1)).containsExactly("head");
        assertThat(plan.trainableLayers(2)).containsExactly("head");
        assertThat(plan.trainableLayers(3)).containsExactlyInAnyOrder("dense1", "head");
        assertThat(plan.trainableLayers(5)).containsExactlyInAnyOrder("dense0", "dense1", "head");
        assertThat(plan.firstTrainingEpoch("head")).isEqualTo(1);
        assertThat(plan.firstTrainingEpoch("dense1")).isEqualTo(3);
        assertThat(plan.firstTrainingEpoch("dense0")).isEqualTo(5);
        assertThat(new FreezePlan(FreezeSpec.firstLayers(1), layout).firstTrainingEpoch("dense0"))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void freezesByNameExactly() {
        Map<String, float[]>[] weights = fineTune(FreezeSpec.named(List.of("dense1")), 2, "named");

        assertThat(weights[1].get("dense1.w")).containsExactly(weights[0].get("dense1.w"));
        assertThat(weights[1].get("dense1.b")).containsExactly(weights[0].get("dense1.b"));
        assertThat(weights[1].get("dense0.w")).isNotEqualTo(weights[0].get("dense0.w"));
        assertThat(weights[1].get("head.w")).isNotEqualTo(weights[0].get("head.w"));
    }

    @Test
    void gradualUnfreezingLeavesStillFrozenLayersBitIdentical() {
        // 3 epochs, one more layer every 2: dense1 thaws in epoch 3, dense0 never does.
        Map<String, float[]>[] weights = fineTune(FreezeSpec.allButTop(1).withGradualUnfreezing(2), 3, "gradual");

        assertThat(weights[1].get("dense0.w")).containsExactly(weights[0].get("dense0.w"));
        assertThat(weights[1].get("dense0.b")).containsExactly(weights[0].get("dense0.b"));
        assertThat(weights[1].get("dense1.w")).isNotEqualTo(weights[0].get("dense1.w"));
    }

    @Test
    void refusesUnknownLayerNamesAndTooManyTopLayers() {
        assertThatThrownBy(() -> FreezePlan.check(FreezeSpec.named(List.of("conv9")), layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layerNames");
        assertThatThrownBy(() -> FreezePlan.check(FreezeSpec.allButTop(4), layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainTopLayers");
    }

    @SuppressWarnings("unchecked")
    private Map<String, float[]>[] fineTune(FreezeSpec freeze, int epochs, String name) {
        ExportedModel base = Trainer.pretrain(BlobsFixture.architecture(), TrainingRequest.of(BlobsFixture.train(),
                BlobsFixture.validation(), TrainingStrategy.of(2, 32, 0.01, 3), tmp.resolve(name + "-base")));
        ExportedModel tuned = Trainer.fineTune(base.directory(), TrainingRequest.of(BlobsFixture.blobs(300, 3, 9),
                BlobsFixture.validation(), TrainingStrategy.of(epochs, 32, 0.01, 4).withFreeze(freeze),
                tmp.resolve(name)));
        return new Map[] {SavedWeights.read(base.directory(), base.manifest().networkLayout()),
            SavedWeights.read(tuned.directory(), tuned.manifest().networkLayout())};
    }
}
