package dev.temper.registry;

/**
 * A model version was registered. Fired inside the registering transaction, so what observers do (the
 * evaluation feature queues its evaluation) commits with the version or not at all.
 */
public record ModelRegistered(ModelVersion version) {
}
