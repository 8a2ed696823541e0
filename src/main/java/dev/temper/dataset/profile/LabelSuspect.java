package dev.temper.dataset.profile;

/**
 * A sample whose label the quick model doubts.
 *
 * @param index                 position in the canonical file
 * @param id                    the uploader's id, or null
 * @param split                 the split's wire name
 * @param givenProbability      out-of-fold probability of the given label
 * @param suggestedProbability  out-of-fold probability of the suggested label
 */
public record LabelSuspect(int index, String id, String split, String givenLabel, String suggestedLabel,
        double givenProbability, double suggestedProbability) {
}
