package dev.temper.contract;

/**
 * One labelled sample of a canonical dataset file.
 *
 * @param label  index into the header's class names
 * @param id     the uploader's id for the sample (CSV id column, image path in a ZIP), or null
 * @param values feature values, or pixels in [0, 1] in height-width-channel order
 */
public record Sample(Split split, int label, String id, float[] values) {

    public Sample withSplit(Split newSplit) {
        return new Sample(newSplit, label, id, values);
    }

    public Sample withLabel(int newLabel) {
        return new Sample(split, newLabel, id, values);
    }

    public Sample withValues(float[] newValues) {
        return new Sample(split, label, id, newValues);
    }
}
