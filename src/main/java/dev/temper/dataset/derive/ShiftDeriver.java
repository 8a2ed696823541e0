package dev.temper.dataset.derive;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.dataset.profile.FeatureStatistics;
import dev.temper.engine.evaluation.corruptions.CorruptionType;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Carries out {@link ShiftDerivation}. Random draws come from one {@link Random} seeded with the shift's seed and
 * consumed in file order, so the same parent and seed give the same bytes.
 */
final class ShiftDeriver {

    private ShiftDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, ShiftDerivation shift, OutputStream out) throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        if (!shift.kind().appliesTo(header.kind())) {
            throw new IllegalArgumentException("The shift '" + shift.kind().wireName() + "' applies to "
                    + (header.kind() == DataKind.IMAGE ? "tabular data, but this dataset holds images"
                            : "images, but this dataset is tabular"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        UnaryOperator<float[]> change = header.kind() == DataKind.IMAGE ? imageChange(header, shift)
                : tableChange(parent, header, shift, details);
        double[] absoluteChange = {0};
        long[] changedValues = {0};
        ParentPasses.write(parent, header, out, (index, sample, writer) -> {
            float[] shifted = change.apply(sample.values());
            for (int i = 0; i < shifted.length; i++) {
                if (Float.isInfinite(shifted[i])) {
                    // float overflows near 3.4e38: a model could neither train on nor be attacked on such a copy.
                    throw new IllegalArgumentException("amount: " + shift.amount() + " makes value " + (i + 1)
                            + " of sample " + (index + 1) + " infinite; choose a smaller amount");
                }
                if (!Float.isNaN(shifted[i])) {
                    absoluteChange[0] += Math.abs(shifted[i] - sample.values()[i]);
                    changedValues[0]++;
                }
            }
            writer.write(sample.withValues(shifted));
        });
        details.put("meanAbsoluteChange", changedValues[0] == 0 ? 0.0 : absoluteChange[0] / changedValues[0]);
        return new DerivationSummary(header, describe(shift, header), details);
    }

    private static UnaryOperator<float[]> imageChange(DatasetHeader header, ShiftDerivation shift) {
        int height = header.shape().get(0);
        int width = header.shape().get(1);
        int channels = header.shape().get(2);
        Random random = new Random(shift.seed());
        return switch (shift.kind()) {
            case GAUSSIAN_NOISE -> values -> {
                float[] out = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = (float) Math.max(0, Math.min(1, values[i] + shift.amount() * random.nextGaussian()));
                }
                return out;
            };
            case ROTATION -> new ImageRotation(height, width, channels, shift.amount())::apply;
            case CORRUPTION -> {
                CorruptionType type = shift.corruptionType();
                ImageShape shape = new ImageShape(height, width, channels);
                yield values -> type.apply(values, shape, shift.severity(), random);
            }
            case SCALE, OFFSET -> throw new IllegalStateException(shift.kind() + " is not an image shift");
        };
    }

    /** Noise and offsets are in units of each feature's train standard deviation; missing values stay missing. */
    private static UnaryOperator<float[]> tableChange(StreamSource parent, DatasetHeader header, ShiftDerivation shift,
            Map<String, Object> details) throws IOException {
        if (shift.kind() == ShiftKind.SCALE) {
            return values -> {
                float[] out = new float[values.length];
                for (int f = 0; f < values.length; f++) {
                    out[f] = (float) (values[f] * shift.amount());
                }
                return out;
            };
        }
        FeatureStatistics stats = ParentPasses.trainStatistics(parent, header, false);
        double[] stds = new double[header.valueCount()];
        List<String> withoutSpread = new ArrayList<>();
        Map<String, Object> stdPerFeature = new LinkedHashMap<>();
        for (int f = 0; f < stds.length; f++) {
            stds[f] = stats.std(f);
            stdPerFeature.put(header.featureNames().get(f), stds[f]);
            if (stds[f] == 0) {
                withoutSpread.add(header.featureNames().get(f));
            }
        }
        details.put("trainStdPerFeature", stdPerFeature);
        details.put("unchangedFeatures", withoutSpread);
        Random random = new Random(shift.seed());
        boolean noise = shift.kind() == ShiftKind.GAUSSIAN_NOISE;
        return values -> {
            float[] out = new float[values.length];
            for (int f = 0; f < values.length; f++) {
                double step = noise ? random.nextGaussian() : 1;
                out[f] = (float) (values[f] + shift.amount() * stds[f] * step);
            }
            return out;
        };
    }

    private static String describe(ShiftDerivation shift, DatasetHeader header) {
        String amount = Words.number(shift.amount());
        return switch (shift.kind()) {
            case GAUSSIAN_NOISE -> header.kind() == DataKind.IMAGE
                    ? "Added Gaussian noise with sigma " + amount + " to every pixel value, seed " + shift.seed()
                    : "Added Gaussian noise of " + amount + " train standard deviations to every feature, seed "
                            + shift.seed();
            case ROTATION -> "Rotated every image " + amount + " degrees counter-clockwise";
            case CORRUPTION -> String.format(Locale.ROOT, "Applied the %s corruption at severity %d to every image,"
                    + " seed %d", shift.corruption(), shift.severity(), shift.seed());
            case SCALE -> "Multiplied every feature by " + amount;
            case OFFSET -> "Moved every feature by " + amount + " train standard deviations";
        };
    }
}
