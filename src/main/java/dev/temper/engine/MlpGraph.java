package dev.temper.engine;

/** A {@link ModelGraph} of an MLP; kept as a name for callers that only ever build MLPs. */
final class MlpGraph extends ModelGraph {

    MlpGraph(MlpLayout layout) {
        super(layout);
    }
}
