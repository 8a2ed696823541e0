package dev.temper.dataset.format;

import java.util.List;
import java.util.Objects;

/**
 * What the uploader said about the files.
 *
 * @param labelColumn CSV only, required: the name of the column that holds the class
 * @param idColumn    CSV only, optional (null): the name of the column that holds the sample id
 * @param imageShape  {@code [height, width, channels]} with channels 1 or 3, or null. For an image ZIP it fixes
 *                    the size every image must have and the channels they are converted to (null: the first
 *                    image's size, 1 channel if it is grayscale else 3); for IDX it is only checked
 */
public record ImportRequest(UploadFormat format, String labelColumn, String idColumn, List<Integer> imageShape) {

    public ImportRequest {
        Objects.requireNonNull(format, "format");
        imageShape = imageShape == null ? null : List.copyOf(imageShape);
    }

    public static ImportRequest csv(String labelColumn, String idColumn) {
        return new ImportRequest(UploadFormat.CSV, labelColumn, idColumn, null);
    }

    public static ImportRequest idx() {
        return new ImportRequest(UploadFormat.IDX, null, null, null);
    }

    public static ImportRequest imageZip(List<Integer> imageShape) {
        return new ImportRequest(UploadFormat.IMAGE_ZIP, null, null, imageShape);
    }
}
