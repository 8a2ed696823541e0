package dev.temper.dataset;

import dev.temper.contract.SplitPlan;
import dev.temper.dataset.format.UploadFormat;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import java.nio.file.Path;
import java.util.List;

/**
 * A registration as the API and the UI collect it. {@code files} are already on local disk: one CSV,
 * one ZIP, or the IDX images and labels files in either order.
 *
 * @param imageShape  {@code [height, width, channels]} the images must have, or null to take it from the data
 * @param epsilonUnit tables: how epsilons are measured (TRAIN_STD or RAW_FEATURES), null for the default
 *                    (TRAIN_STD); images are always measured in PIXELS
 */
public record UploadCommand(String team, String name, UploadFormat format, String labelColumn, String idColumn,
        List<Integer> imageShape, SplitPlan splits, EpsilonUnit epsilonUnit, List<Path> files) {
}
