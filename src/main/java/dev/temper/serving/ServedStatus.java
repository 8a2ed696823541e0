package dev.temper.serving;

/** The version a team serves and its figures since it was loaded. */
public record ServedStatus(String team, long modelVersionId, String model, int version, ServingStats.Snapshot figures) {
}
