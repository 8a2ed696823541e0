package dev.temper.dataset.profile;

/** Hears how far a long computation is: {@code fraction} grows from 0 to 1, {@code stage} says what runs. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, stage) -> { };

    void progress(double fraction, String stage);
}
