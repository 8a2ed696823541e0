package dev.temper.serving;

import java.time.Instant;

/**
 * What one team serves in production now, for the home page.
 *
 * @param since when the production alias moved to this version
 * @param requests requests answered since the version was loaded in this server; 0 before its first request
 * @param p50Millis median request latency of the last requests; null before the first
 */
public record ServedNow(String team, long modelVersionId, String model, int version, Instant since, long requests,
                        Double p50Millis) {
}
