package dev.temper.dataset.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.contract.SplitPlan;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivationRecordsTest {

    @Test
    void operationsAndParametersAreWhatTheLineageRecordStores() {
        assertThat(new DropDuplicates().operation()).isEqualTo("drop-duplicates");
        assertThat(new DropDuplicates().parameters()).isEmpty();
        assertThat(new DropMissing().operation()).isEqualTo("drop-missing");
        assertThat(new ImputeMissing(ImputeMissing.Method.MEDIAN).parameters()).isEqualTo(Map.of("method", "median"));
        assertThat(new ExcludeSamples(List.of(9, 2, 9)).parameters()).isEqualTo(Map.of("indices", List.of(2, 9)));
        assertThat(new Relabel(Map.of(10, "cat", 2, "dog")).parameters())
                .isEqualTo(Map.of("newLabels", Map.of("2", "dog", "10", "cat")));
        assertThat(new Rebalance(Rebalance.Mode.UNDERSAMPLE, 5).parameters())
                .isEqualTo(Map.of("mode", "undersample", "seed", 5L));
        assertThat(new Resplit(new SplitPlan(0.8, 0.1, 0.1, 4)).parameters())
                .isEqualTo(Map.of("train", 0.8, "validation", 0.1, "test", 0.1, "seed", 4L));
        assertThat(Shift.gaussianNoise(0.1, 7).parameters())
                .isEqualTo(Map.of("kind", "gaussian-noise", "sigma", 0.1, "seed", 7L));
        assertThat(Shift.rotation(15).parameters()).isEqualTo(Map.of("kind", "rotation", "degrees", 15.0));
        assertThat(Shift.scale(2).parameters()).isEqualTo(Map.of("kind", "scale", "factor", 2.0));
        assertThat(Shift.offset(-1).parameters()).isEqualTo(Map.of("kind", "offset", "stds", -1.0));
        assertThat(Shift.corruption("Gaussian_Noise", 2, 3).parameters())
                .isEqualTo(Map.of("kind", "corruption", "corruption", "gaussian-noise", "severity", 2, "seed", 3L));
        assertThat(Shift.corruption("blur", 1, 0).operation()).isEqualTo("shift");
    }

    @Test
    void missingChoicesNameTheField() {
        assertThatThrownBy(() -> new ImputeMissing(null)).hasMessage("method: choose MEAN or MEDIAN");
        assertThatThrownBy(() -> new Rebalance(null, 1)).hasMessage("mode: choose OVERSAMPLE or UNDERSAMPLE");
        assertThatThrownBy(() -> new Resplit(null))
                .hasMessage("plan: give the train, validation and test shares and a seed");
    }

    @Test
    void excludedIndicesMustBeThereAndNotNegative() {
        assertThatThrownBy(() -> new ExcludeSamples(null)).hasMessage("indices: name at least one sample to exclude");
        assertThatThrownBy(() -> new ExcludeSamples(List.of())).hasMessage("indices: name at least one sample to exclude");
        assertThatThrownBy(() -> new ExcludeSamples(Arrays.asList(1, null)))
                .hasMessage("indices: a sample index is missing (null)");
        assertThatThrownBy(() -> new ExcludeSamples(List.of(4, -3)))
                .hasMessage("indices: sample index -3 is negative; indices start at 0");
    }

    @Test
    void newLabelsNeedAnIndexAndAClassName() {
        Map<Integer, String> nullIndex = new HashMap<>();
        nullIndex.put(null, "cat");
        Map<Integer, String> nullClass = new HashMap<>();
        nullClass.put(3, null);

        assertThatThrownBy(() -> new Relabel(Map.of()))
                .hasMessage("newLabels: name at least one sample and its new class");
        assertThatThrownBy(() -> new Relabel(null))
                .hasMessage("newLabels: name at least one sample and its new class");
        assertThatThrownBy(() -> new Relabel(nullIndex)).hasMessage("newLabels: a sample index is missing (null)");
        assertThatThrownBy(() -> new Relabel(Map.of(-1, "cat")))
                .hasMessage("newLabels: sample index -1 is negative; indices start at 0");
        assertThatThrownBy(() -> new Relabel(nullClass)).hasMessage("newLabels: sample 3 has no class name");
        assertThatThrownBy(() -> new Relabel(Map.of(3, " "))).hasMessage("newLabels: sample 3 has no class name");
    }

    @Test
    void shiftAmountsAreCheckedPerKind() {
        assertThatThrownBy(() -> new Shift(null, 1, null, 0, 0))
                .hasMessage("kind: choose one of gaussian-noise, rotation, corruption, scale, offset");
        assertThatThrownBy(() -> Shift.gaussianNoise(0, 1)).hasMessage("amount: the noise sigma must be above 0, not 0.0");
        assertThatThrownBy(() -> Shift.gaussianNoise(Double.NaN, 1)).hasMessage("amount: must be a finite number, not NaN");
        assertThatThrownBy(() -> Shift.rotation(0))
                .hasMessage("amount: the rotation must be between -360 and 360 degrees and not 0, not 0.0");
        assertThatThrownBy(() -> Shift.rotation(400))
                .hasMessage("amount: the rotation must be between -360 and 360 degrees and not 0, not 400.0");
        assertThatThrownBy(() -> Shift.scale(-2)).hasMessage("amount: the scale factor must be above 0 and not 1, not -2.0");
        assertThatThrownBy(() -> Shift.scale(1)).hasMessage("amount: the scale factor must be above 0 and not 1, not 1.0");
        assertThatThrownBy(() -> Shift.offset(0))
                .hasMessage("amount: an offset of 0 changes nothing; give a number of standard deviations");
    }

    @Test
    void corruptionsNeedAKnownNameAndASeverityOfOneToFive() {
        String known = "gaussian-noise, shot-noise, impulse-noise, blur, brightness, contrast, rotation, translation,"
                + " pixelation";
        assertThatThrownBy(() -> Shift.corruption("fog", 2, 0)).hasMessage("corruption: 'fog' is not one of " + known);
        assertThatThrownBy(() -> Shift.corruption(null, 2, 0)).hasMessage("corruption: choose one of " + known);
        assertThatThrownBy(() -> Shift.corruption("blur", 0, 0)).hasMessage("severity: must be 1 to 5, not 0");
        assertThatThrownBy(() -> Shift.corruption("blur", 6, 0)).hasMessage("severity: must be 1 to 5, not 6");
        assertThatThrownBy(() -> new Shift(ShiftKind.CORRUPTION, 0.3, "blur", 2, 0))
                .hasMessage("amount: a corruption is set by its severity; leave amount at 0");
        assertThatThrownBy(() -> new Shift(ShiftKind.ROTATION, 10, "blur", 0, 0))
                .hasMessage("corruption: only used with kind corruption, not rotation");
        assertThatThrownBy(() -> new Shift(ShiftKind.SCALE, 2, null, 3, 0))
                .hasMessage("severity: only used with kind corruption, not scale");
    }
}
