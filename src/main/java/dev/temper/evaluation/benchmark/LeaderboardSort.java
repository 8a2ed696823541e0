package dev.temper.evaluation.benchmark;

import dev.temper.base.paging.SortOrder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A leaderboard's order from the API's {@code sort} parameter. Without one, the ranking: reliable rows before
 * unreliable ones, current rows before stale ones, then worst-case robust accuracy at the largest epsilon, then
 * clean accuracy. Every name is backed by an index of V11 led by the benchmark.
 *
 * @param orderBy HQL order-by list over entry {@code e} and, when sorted by a robust column, robust point {@code r}
 * @param epsilon the epsilon of the robust column sorted by, or null
 * @param ranked  whether the order is the ranking, so that a row's position is its rank
 */
public record LeaderboardSort(String orderBy, Double epsilon, boolean ranked) {

    static final String RANKING = "e.reliable desc, e.stale, e.headlineRobust desc nulls last, e.cleanAccuracy desc";
    static final String ROBUST_PREFIX = "robust:";

    private static final Map<String, String> COLUMNS = Map.of(
            "model", "e.modelName",
            "base", "e.baseLabel",
            "clean", "e.cleanAccuracy",
            "ece", "e.expectedCalibrationError",
            "corruption", "e.corruptionAccuracy",
            "mce", "e.corruptionError",
            "examples", "e.examples",
            "date", "e.createdAt");

    /** The sort names a board with these epsilons accepts: the scalar columns and {@code robust:<epsilon>} each. */
    public static List<String> names(List<Double> epsilons) {
        return columns(epsilons).keySet().stream().sorted().toList();
    }

    /** {@code robust:0.1} for 0.1: the API's name of the robust column at this epsilon. */
    public static String robustName(double epsilon) {
        return ROBUST_PREFIX + BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString();
    }

    static LeaderboardSort of(String sort, List<Double> epsilons) {
        // The tie-breaker runs the column's way, so that a descending order is one backward walk of its index
        // (benchmark, column, id) rather than a sort of every row that shares a value.
        boolean descending = sort != null && sort.strip().toLowerCase(Locale.ROOT).endsWith(",desc");
        String orderBy = new SortOrder(columns(epsilons), RANKING, descending ? "e.resultId desc" : "e.resultId")
                .hql(sort);
        if (sort == null || sort.isBlank()) {
            return new LeaderboardSort(orderBy, null, true);
        }
        String column = sort.split(",", -1)[0].trim();
        Double epsilon = epsilons.stream().filter(e -> robustName(e).equals(column)).findFirst().orElse(null);
        return new LeaderboardSort(orderBy, epsilon, false);
    }

    private static Map<String, String> columns(List<Double> epsilons) {
        Map<String, String> columns = new HashMap<>(COLUMNS);
        epsilons.forEach(epsilon -> columns.put(robustName(epsilon), "r.accuracy"));
        return columns;
    }
}
