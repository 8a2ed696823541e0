package dev.temper.training;

import java.time.Instant;

/** A line of a job's log as it is shown: which attempt wrote it, when, and what. */
public record JobLogEntry(int attempt, int seq, Instant at, String line) {
}
