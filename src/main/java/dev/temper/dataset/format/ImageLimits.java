package dev.temper.dataset.format;

/** Size bounds for a single image, whatever the upload's limits: a decoded image is held in memory. */
final class ImageLimits {

    /** 4096 x 4096 pixels: far beyond what a model here trains on, well within a small heap. */
    static final int MAX_PIXELS = 4096 * 4096;

    private ImageLimits() {
    }
}
