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
        assertThat(new DropDuplicatesDerivation().operation()).isEqualTo("drop-duplicates");
        assertThat(new DropDuplicatesDerivation().parameters()).isEmpty();
        assertThat(new DropMissingDerivation().operation()).isEqualTo("drop-missing");
        assertThat(new ImputeMissingDerivation(ImputeMissingDerivation.Method.MEDIAN).parameters())
                .isEqualTo(Map.of("method", "median"));
        assertThat(new ExcludeSamplesDerivation(List.of(9, 2, 9)).parameters())
                .isEqualTo(Map.of("indices", List.of(2, 9)));
        assertThat(new RelabelDerivation(Map.of(10, "cat", 2, "dog")).parameters())
                .isEqualTo(Map.of("newLabels", Map.of("2", "dog", "10", "cat")));
        assertThat(new RebalanceDerivation(RebalanceDerivation.Mode.UNDERSAMPLE, 5).parameters())
                .isEqualTo(Map.of("mode", "undersample", "seed", 5L));
        assertThat(new ResplitDerivation(new SplitPlan(0.8, 0.1, 0.1, 4)).parameters())
                .isEqualTo(Map.of("train", 0.8, "validation", 0.1, "test", 0.1, "seed", 4L));
        assertThat(ShiftDerivation.gaussianNoise(0.1, 7).parameters())
                .isEqualTo(Map.of("kind", "gaussian-noise", "sigma", 0.1, "seed", 7L));
        assertThat(ShiftDerivation.rotation(15).parameters()).isEqualTo(Map.of("kind", "rotation", "degrees", 15.0));
        assertThat(ShiftDerivation.scale(2).parameters()).isEqualTo(Map.of("kind", "scale", "factor", 2.0));
        assertThat(ShiftDerivation.offset(-1).parameters()).isEqualTo(Map.of("kind", "offset", "stds", -1.0));
        assertThat(ShiftDerivation.corruption("Gaussian_Noise", 2, 3).parameters())
                .isEqualTo(Map.of("kind", "corruption", "corruption", "gaussian-noise", "severity", 2, "seed", 3L));
        assertThat(ShiftDerivation.corruption("blur", 1, 0).operation()).isEqualTo("shift");
    }

    @Test
    void missingChoicesNameTheField() {
        assertThatThrownBy(() -> new ImputeMissingDerivation(null)).hasMessage("method: choose MEAN or MEDIAN");
        assertThatThrownBy(() -> new RebalanceDerivation(null, 1)).hasMessage("mode: choose OVERSAMPLE or UNDERSAMPLE");
        assertThatThrownBy(() -> new ResplitDerivation(null))
                .hasMessage("plan: give the train, validation and test shares and a seed");
    }

    @Test
    void excludedIndicesMustBeThereAndNotNegative() {
        assertThatThrownBy(() -> new ExcludeSamplesDerivation(null))
                .hasMessage("indices: name at least one sample to exclude");
        assertThatThrownBy(() -> new ExcludeSamplesDerivation(List.of()))
                .hasMessage("indices: name at least one sample to exclude");
        assertThatThrownBy(() -> new ExcludeSamplesDerivation(Arrays.asList(1, null)))
                .hasMessage("indices: a sample index is missing (null)");
        assertThatThrownBy(() -> new ExcludeSamplesDerivation(List.of(4, -3)))
                .hasMessage("indices: sample index -3 is negative; indices start at 0");
    }

    @Test
    void newLabelsNeedAnIndexAndAClassName() {
        Map<Integer, String> nullIndex = new HashMap<>();
        nullIndex.put(null, "cat");
        Map<Integer, String> nullClass = new HashMap<>();
        nullClass.put(3, null);

        assertThatThrownBy(() -> new RelabelDerivation(Map.of()))
                .hasMessage("newLabels: name at least one sample and its new class");
        assertThatThrownBy(() -> new RelabelDerivation(null))
                .hasMessage("newLabels: name at least one sample and its new class");
        assertThatThrownBy(() -> new RelabelDerivation(nullIndex))
                .hasMessage("newLabels: a sample index is missing (null)");
        assertThatThrownBy(() -> new RelabelDerivation(Map.of(-1, "cat")))
                .hasMessage("newLabels: sample index -1 is negative; indices start at 0");
        assertThatThrownBy(() -> new RelabelDerivation(nullClass)).hasMessage("newLabels: sample 3 has no class name");
        assertThatThrownBy(() -> new RelabelDerivation(Map.of(3, " ")))
                .hasMessage("newLabels: sample 3 has no class name");
    }

    @Test
    void shiftAmountsAreCheckedPerKind() {
        assertThatThrownBy(() -> new ShiftDerivation(null, 1, null, 0, 0))
                .hasMessage("kind: choose one of gaussian-noise, rotation, corruption, scale, offset");
        assertThatThrownBy(() -> ShiftDerivation.gaussianNoise(0, 1))
                .hasMessage("amount: the noise sigma must be above 0, not 0.0");
        assertThatThrownBy(() -> ShiftDerivation.gaussianNoise(Double.NaN, 1))
                .hasMessage("amount: must be a finite number, not NaN");
        assertThatThrownBy(() -> ShiftDerivation.rotation(0))
                .hasMessage("amount: the rotation must be between -360 and 360 degrees and not 0, not 0.0");
        assertThatThrownBy(() -> ShiftDerivation.rotation(400))
                .hasMessage("amount: the rotation must be between -360 and 360 degrees and not 0, not 400.0");
        assertThatThrownBy(() -> ShiftDerivation.scale(-2))
                .hasMessage("amount: the scale factor must be above 0 and not 1, not -2.0");
        assertThatThrownBy(() -> ShiftDerivation.scale(1))
                .hasMessage("amount: the scale factor must be above 0 and not 1, not 1.0");
        assertThatThrownBy(() -> ShiftDerivation.offset(0))
                .hasMessage("amount: an offset of 0 changes nothing; give a number of standard deviations");
    }

    @Test
    void corruptionsNeedAKnownNameAndASeverityOfOneToFive() {
        String known = "gaussian-noise, shot-noise, impulse-noise, blur, brightness, contrast, rotation, translation,"
                + " pixelation";
        assertThatThrownBy(() -> ShiftDerivation.corruption("fog", 2, 0))
                .hasMessage("corruption: 'fog' is not one of " + known);
        assertThatThrownBy(() -> ShiftDerivation.corruption(null, 2, 0))
                .hasMessage("corruption: choose one of " + known);
        assertThatThrownBy(() -> ShiftDerivation.corruption("blur", 0, 0))
                .hasMessage("severity: must be 1 to 5, not 0");
        assertThatThrownBy(() -> ShiftDerivation.corruption("blur", 6, 0))
                .hasMessage("severity: must be 1 to 5, not 6");
        assertThatThrownBy(() -> new ShiftDerivation(ShiftKind.CORRUPTION, 0.3, "blur", 2, 0))
                .hasMessage("amount: a corruption is set by its severity; leave amount at 0");
        assertThatThrownBy(() -> new ShiftDerivation(ShiftKind.ROTATION, 10, "blur", 0, 0))
                .hasMessage("corruption: only used with kind corruption, not rotation");
        assertThatThrownBy(() -> new ShiftDerivation(ShiftKind.SCALE, 2, null, 3, 0))
                .hasMessage("severity: only used with kind corruption, not scale");
    }
}
