package dev.temper.dataset.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates an upload and stages it as a dataset in one streaming pass: labels and sample hashes come
 * back in memory, the sample values wait in a spool file under the work folder. A refused upload raises
 * {@link InvalidUploadException} and leaves nothing behind in the work folder.
 */
public final class DatasetImporter {

    private DatasetImporter() {
    }

    /**
     * @param files CSV: {@code [csv]}; IDX: {@code [images, labels]}, each plain or gzip (detected by its first
     *              bytes); IMAGE_ZIP: {@code [zip]}
     * @param workDir an existing folder for the spool file; the returned dataset deletes it when closed
     */
    public static StagedDataset stage(ImportRequest request, List<Path> files, ImportLimits limits, Path workDir)
            throws InvalidUploadException, IOException {
        return switch (request.format()) {
            case CSV -> {
                expectFiles(files, 1, "a CSV upload needs one file");
                if (request.labelColumn() == null || request.labelColumn().isBlank()) {
                    throw new InvalidUploadException("A CSV upload needs the name of its label column.");
                }
                String idColumn = request.idColumn() == null || request.idColumn().isBlank() ? null
                        : request.idColumn().strip();
                yield new CsvImporter(request.labelColumn().strip(), idColumn).stage(files.get(0), workDir);
            }
            case IDX -> {
                expectFiles(files, 2, "an IDX upload needs two files, the images file and the labels file");
                boolean labelsFirst = IdxFile.looksLikeLabels(files.get(0)) && !IdxFile.looksLikeLabels(files.get(1));
                Path images = files.get(labelsFirst ? 1 : 0);
                Path labels = files.get(labelsFirst ? 0 : 1);
                yield new IdxImporter(checkedShape(request.imageShape()), limits).stage(images, labels, workDir);
            }
            case IMAGE_ZIP -> {
                expectFiles(files, 1, "an image ZIP upload needs one file");
                yield new ImageZipImporter(checkedShape(request.imageShape()), limits).stage(files.get(0), workDir);
            }
        };
    }

    private static void expectFiles(List<Path> files, int count, String rule) throws InvalidUploadException {
        if (files.size() != count) {
            throw new InvalidUploadException("Got " + files.size() + (files.size() == 1 ? " file" : " files")
                    + ", but " + rule + ".");
        }
    }

    private static List<Integer> checkedShape(List<Integer> shape) throws InvalidUploadException {
        if (shape == null) {
            return null;
        }
        boolean valid = shape.size() == 3 && shape.stream().allMatch(side -> side != null && side > 0)
                && (shape.get(2) == 1 || shape.get(2) == 3)
                && (long) shape.get(0) * shape.get(1) <= ImageLimits.MAX_PIXELS;
        if (!valid) {
            throw new InvalidUploadException("The image shape " + shape + " is not valid; it must be [height, width,"
                    + " channels] with channels 1 or 3 and at most " + ImageLimits.MAX_PIXELS + " pixels.");
        }
        return shape;
    }
}
