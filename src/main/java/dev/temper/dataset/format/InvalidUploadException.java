package dev.temper.dataset.format;

/**
 * The upload cannot become a dataset. The message is a complete sentence for the uploader: what is wrong
 * and where (line and column, ZIP entry, or which IDX file and item), shown verbatim in the UI and API.
 */
public final class InvalidUploadException extends Exception {

    public InvalidUploadException(String message) {
        super(message);
    }
}
