package dev.temper.training;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.engine.strategy.AdversarialSpec;
import dev.temper.engine.strategy.AugmentationSpec;
import dev.temper.engine.strategy.FreezeSpec;
import dev.temper.engine.strategy.TrainingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A job's settings in sentences a reviewer reads (the model page, the model card), from the same records the
 * worker ran: nothing here is typed by hand, and a setting left at its default is not mentioned.
 */
public final class StrategyText {

    private StrategyText() {
    }

    /** One line per part of the strategy that does something, the architecture first. */
    public static List<String> lines(TrainingSettings settings) {
        TrainingStrategy s = settings.strategy();
        List<String> lines = new ArrayList<>();
        lines.add("Architecture: " + architecture(settings.architecture()));
        lines.add(s.epochs() + " epochs, batch " + s.batchSize() + ", seed " + s.seed());
        lines.add("Optimizer: " + s.optimizer().kind() + " at learning rate " + number(s.optimizer().learningRate())
                + (s.optimizer().momentum() > 0 ? ", momentum " + number(s.optimizer().momentum()) : "")
                + (s.optimizer().headLearningRate() > 0
                        ? ", head at " + number(s.optimizer().headLearningRate()) : ""));
        lines.add("Schedule: " + switch (s.schedule().kind()) {
            case CONSTANT -> "constant";
            case STEP -> "x" + number(s.schedule().gamma()) + " every " + s.schedule().stepEpochs() + " epochs";
            case COSINE -> "cosine decay";
        } + (s.schedule().warmupEpochs() > 0 ? ", " + s.schedule().warmupEpochs() + " warm-up epochs" : ""));
        lines.add("Adversarial training: " + adversarial(s.adversarial()));
        String regularization = regularization(s);
        if (!regularization.isEmpty()) {
            lines.add("Regularisation: " + regularization);
        }
        String freeze = freeze(s.freeze());
        if (!freeze.isEmpty()) {
            lines.add("Frozen layers: " + freeze);
        }
        if (s.earlyStopping().enabled()) {
            lines.add("Early stopping on " + s.earlyStopping().metric().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ", patience " + s.earlyStopping().patience() + " epochs");
        }
        if (s.augmentation().enabled()) {
            lines.add("Augmentation: " + augmentation(s.augmentation()));
        }
        return lines;
    }

    /** The adversarial-training recipe in one phrase, e.g. "PGD-7, epsilon 0.1, step 0.025, random start, ...". */
    public static String adversarial(AdversarialSpec a) {
        return switch (a.method()) {
            case NONE -> "none (clean training)";
            case FGSM -> "FGSM, epsilon " + number(a.epsilon()) + mixing(a) + warmup(a);
            case PGD -> "PGD-" + a.steps() + ", epsilon " + number(a.epsilon()) + ", step " + number(a.stepSize())
                    + (a.randomStart() ? ", random start" : "") + mixing(a) + warmup(a);
            case TRADES, MART -> a.method() + " (" + a.steps() + " steps), epsilon " + number(a.epsilon()) + ", step "
                    + number(a.stepSize()) + ", beta " + number(a.beta()) + warmup(a);
        };
    }

    private static String mixing(AdversarialSpec a) {
        if (a.keepClean()) {
            return ", adversarial copies beside every clean row";
        }
        return a.ratio() < 1 ? ", " + percent(a.ratio()) + " of each batch replaced" : ", every row replaced";
    }

    private static String warmup(AdversarialSpec a) {
        return a.warmupEpochs() > 0 ? ", epsilon warmed up over " + a.warmupEpochs() + " epochs" : "";
    }

    private static String architecture(ArchitectureSpec a) {
        if (a.type() == ArchitectureSpec.Type.CNN) {
            return "CNN on " + a.height() + "x" + a.width() + "x" + a.channels() + " images, convolutions "
                    + a.convFilters() + ", dense " + a.denseWidths();
        }
        return "MLP, hidden layers " + a.hiddenWidths();
    }

    private static String regularization(TrainingStrategy s) {
        List<String> parts = new ArrayList<>();
        if (s.regularization().weightDecay() > 0) {
            parts.add("weight decay " + number(s.regularization().weightDecay()));
        }
        if (s.regularization().dropout() > 0) {
            parts.add("dropout " + number(s.regularization().dropout()));
        }
        if (s.regularization().labelSmoothing() > 0) {
            parts.add("label smoothing " + number(s.regularization().labelSmoothing()));
        }
        return String.join(", ", parts);
    }

    private static String freeze(FreezeSpec f) {
        List<String> parts = new ArrayList<>();
        if (f.firstLayers() > 0) {
            parts.add("the first " + f.firstLayers());
        }
        if (!f.layerNames().isEmpty()) {
            parts.add(String.join(", ", f.layerNames()));
        }
        if (f.trainTopLayers() > 0) {
            parts.add("all but the top " + f.trainTopLayers());
        }
        if (f.unfreezeEveryEpochs() > 0 && !parts.isEmpty()) {
            parts.add("one more unfrozen every " + f.unfreezeEveryEpochs() + " epochs");
        }
        return String.join("; ", parts);
    }

    private static String augmentation(AugmentationSpec a) {
        List<String> parts = new ArrayList<>();
        if (a.gaussianNoise() > 0) {
            parts.add("Gaussian noise " + number(a.gaussianNoise()));
        }
        if (a.featureDropout() > 0) {
            parts.add("feature dropout " + number(a.featureDropout()));
        }
        if (a.maxShift() > 0) {
            parts.add("shifts up to " + a.maxShift() + " px");
        }
        if (a.horizontalFlip()) {
            parts.add("horizontal flips");
        }
        if (a.maxRotationDegrees() > 0) {
            parts.add("rotations up to " + number(a.maxRotationDegrees()) + " degrees");
        }
        if (a.cutoutSize() > 0) {
            parts.add("cutout " + a.cutoutSize() + " px");
        }
        return String.join(", ", parts);
    }

    /** Shortest exact form: 0.1, 1e-4 as 0.0001, 6 as 6. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String percent(double share) {
        return number(Math.round(share * 1000) / 10.0) + "%";
    }
}
