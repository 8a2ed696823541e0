package dev.temper.dataset;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.DataKind;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.format.UploadFormat;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the text fields of an upload form (API and UI alike) into typed values, with messages naming the field. */
public final class UploadParameters {

    private UploadParameters() {
    }

    /** The declared format, or the one the file name implies when none is declared. */
    public static UploadFormat format(String declared, String fileName) {
        if (declared != null && !declared.isBlank()) {
            String normalised = declared.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (normalised.equals("ZIP")) {
                return UploadFormat.IMAGE_ZIP;
            }
            try {
                return UploadFormat.valueOf(normalised);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("format: '" + declared + "' is not one of CSV, IDX, IMAGE_ZIP");
            }
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return UploadFormat.IMAGE_ZIP;
        }
        if (name.contains("idx") || name.contains("ubyte")) {
            return UploadFormat.IDX;
        }
        return UploadFormat.CSV;
    }

    /** "28x28x1" (or "28,28,1") to [28, 28, 1]; blank means "take it from the data". */
    public static List<Integer> imageShape(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("[x,\\s]+");
        if (parts.length != 3) {
            throw ProblemException.badRequest("imageShape: write height x width x channels, e.g. 28x28x1, not '"
                    + text + "'");
        }
        List<Integer> shape = new ArrayList<>();
        for (String part : parts) {
            try {
                int value = Integer.parseInt(part);
                if (value <= 0) {
                    throw new NumberFormatException();
                }
                shape.add(value);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("imageShape: '" + part + "' in '" + text
                        + "' is not a positive whole number");
            }
        }
        if (shape.get(2) != 1 && shape.get(2) != 3) {
            throw ProblemException.badRequest("imageShape: channels must be 1 (grayscale) or 3 (RGB), not "
                    + shape.get(2));
        }
        return shape;
    }

    /** "TRAIN_STD" or "RAW_FEATURES" (any case, '-' for '_'); blank means the default for the data's kind. */
    public static EpsilonUnit epsilonUnit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return EpsilonUnit.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("epsilonUnit: '" + text + "' is not one of TRAIN_STD, RAW_FEATURES "
                    + "(tables) or PIXELS (images)");
        }
    }

    /**
     * The unit a new upload's epsilons are measured in: images always in pixels, tables as declared (train-split
     * standard deviations unless raw units are asked for).
     */
    public static EpsilonUnit epsilonUnitFor(DataKind kind, EpsilonUnit declared) {
        if (kind == DataKind.IMAGE) {
            if (declared != null && declared != EpsilonUnit.PIXELS) {
                throw ProblemException.badRequest("epsilonUnit: images are always attacked in pixel units (PIXELS), not "
                        + declared);
            }
            return EpsilonUnit.PIXELS;
        }
        if (declared == EpsilonUnit.PIXELS) {
            throw ProblemException.badRequest("epsilonUnit: a table is measured in TRAIN_STD or RAW_FEATURES, not PIXELS");
        }
        return declared == null ? EpsilonUnit.TRAIN_STD : declared;
    }

    /** Split ratios and seed; any left out take the defaults (70/15/15, seed 20261125). */
    public static SplitPlan splits(Double train, Double validation, Double test, Long seed) {
        if (train == null && validation == null && test == null && seed == null) {
            return SplitPlan.DEFAULT;
        }
        SplitPlan defaults = SplitPlan.DEFAULT;
        try {
            return new SplitPlan(train == null ? defaults.train() : train,
                    validation == null ? defaults.validation() : validation,
                    test == null ? defaults.test() : test, seed == null ? defaults.seed() : seed);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
