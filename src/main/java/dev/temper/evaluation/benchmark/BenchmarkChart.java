package dev.temper.evaluation.benchmark;

import java.util.List;

/**
 * The chart above a leaderboard: the first {@code points.size()} rows of the ranking, at most {@value #CAP}, so
 * that a board of any size draws in constant time; {@code total} says how many rows the board has.
 *
 * @param epsilon the epsilon of the robust axis (the benchmark's largest)
 */
public record BenchmarkChart(List<ChartPoint> points, long total, double epsilon) {

    public static final int CAP = 500;
}
