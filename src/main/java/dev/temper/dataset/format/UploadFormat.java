package dev.temper.dataset.format;

/** The kinds of upload the importer understands. */
public enum UploadFormat {
    /** One UTF-8 CSV file with a header row, numeric feature columns and a label column. */
    CSV,
    /** Two IDX files (the MNIST format), each plain or gzip: images, then labels. */
    IDX,
    /** One ZIP of PNG/JPEG images, one folder per class. */
    IMAGE_ZIP
}
