package dev.temper.dataset.format;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.SplitPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Stages an IDX pair: an images file (unsigned bytes: count, rows, columns) and a labels file (unsigned
 * bytes: count). The pixel bytes are stored as they are; the class names are the label bytes that occur.
 */
final class IdxImporter {

    private final List<Integer> expectedShape;
    private final ImportLimits limits;

    IdxImporter(List<Integer> expectedShape, ImportLimits limits) {
        this.expectedShape = expectedShape;
        this.limits = limits;
    }

    StagedDataset stage(Path imagesPath, Path labelsPath, Path workDir) throws InvalidUploadException, IOException {
        try (IdxFile images = IdxFile.open(imagesPath, IdxFile.Role.IMAGES);
                IdxFile labels = IdxFile.open(labelsPath, IdxFile.Role.LABELS)) {
            List<Integer> shape = checkSizes(images, labels);
            DatasetHeader template = new DatasetHeader(DataKind.IMAGE, shape, List.of(), List.of(), true,
                    SplitPlan.DEFAULT, 0);
            StagingSink sink = StagingSink.create(workDir);
            try {
                byte[] label = new byte[1];
                for (int i = 0; i < images.count(); i++) {
                    // a fresh array per image: the sink hashes and spools it but does not keep it
                    byte[] pixels = new byte[template.valueCount()];
                    images.readItem(pixels);
                    labels.readItem(label);
                    sink.add(Integer.toString(label[0] & 0xff), null, pixels);
                }
                images.expectEnd();
                labels.expectEnd();
                return sink.finish(template);
            } catch (Throwable e) {
                sink.discard(e);
                throw e;
            }
        }
    }

    private List<Integer> checkSizes(IdxFile images, IdxFile labels) throws InvalidUploadException {
        int[] dimensions = images.dimensions();
        int rows = dimensions[1];
        int columns = dimensions[2];
        if (images.count() == 0) {
            throw new InvalidUploadException("The images file holds no images (its header announces 0).");
        }
        if (images.count() != labels.count()) {
            throw new InvalidUploadException("The images file holds " + images.count()
                    + " images but the labels file holds " + labels.count() + " labels; they must match one to one.");
        }
        if (rows == 0 || columns == 0) {
            throw new InvalidUploadException("The images file announces images of " + rows + "x" + columns
                    + " pixels; an image needs at least one pixel.");
        }
        if ((long) rows * columns > ImageLimits.MAX_PIXELS) {
            throw new InvalidUploadException("The images file announces images of " + rows + "x" + columns
                    + " pixels; at most " + ImageLimits.MAX_PIXELS + " pixels per image are supported.");
        }
        long totalBytes = (long) images.count() * rows * columns;
        if (totalBytes > limits.maxUnpackedBytes()) {
            throw new InvalidUploadException("The images file announces " + totalBytes + " bytes of pixels; at most "
                    + limits.maxUnpackedBytes() + " are accepted.");
        }
        List<Integer> shape = List.of(rows, columns, 1);
        if (expectedShape != null && !expectedShape.equals(shape)) {
            throw new InvalidUploadException("The images file holds " + rows + "x" + columns + " grayscale images,"
                    + " shape " + shape + ", but the upload expects the shape " + expectedShape + ".");
        }
        return shape;
    }
}
