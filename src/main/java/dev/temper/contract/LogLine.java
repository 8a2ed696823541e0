package dev.temper.contract;

import java.time.Instant;

/** A line of a worker's log; seq counts from 1 within an attempt and makes resending harmless. */
public record LogLine(int seq, Instant at, String line) {
}
