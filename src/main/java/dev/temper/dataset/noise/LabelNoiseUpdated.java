package dev.temper.dataset.noise;

import dev.temper.base.LiveEvent;

/** A label-noise search moved on (progress, result or failure). */
public record LabelNoiseUpdated(long searchId, long datasetVersionId, String team) implements LiveEvent {
}
