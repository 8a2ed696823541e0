package dev.temper.dataset;

import dev.temper.contract.SplitPlan;
import dev.temper.dataset.format.UploadFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * A registration as the API and the UI collect it. {@code files} are already on local disk: one CSV,
 * one ZIP, or the IDX images and labels files in either order.
 *
 * @param imageShape {@code [height, width, channels]} the images must have, or null to take it from the data
 */
public record UploadCommand(String team, String name, UploadFormat format, String labelColumn, String idColumn,
        List<Integer> imageShape, SplitPlan splits, List<Path> files) {
}
