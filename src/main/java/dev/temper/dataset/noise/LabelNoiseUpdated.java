package dev.temper.dataset.noise;

/** A label-noise search moved on (progress, result or failure). */
public record LabelNoiseUpdated(long searchId, long datasetVersionId, String team) {
}
