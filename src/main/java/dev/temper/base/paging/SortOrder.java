package dev.temper.base.paging;

import dev.temper.base.problem.ProblemException;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a list may be sorted by, as the API names them, and the HQL each stands for. A caller's
 * {@code sort} parameter ({@code "name"}, {@code "name,desc"}) is checked against these names, never pasted
 * into a query; every order ends with a unique tie-breaker so that pages neither repeat nor skip rows.
 */
public final class SortOrder {

    private final Map<String, String> columns;
    private final String defaultOrder;
    private final String tieBreaker;

    /**
     * @param columns      API name to HQL expression, e.g. {@code "created" -> "createdAt"}
     * @param defaultOrder HQL order used when the caller asks for none, e.g. {@code "createdAt desc"}
     * @param tieBreaker   HQL appended to every order, unique per row, e.g. {@code "id desc"}
     */
    public SortOrder(Map<String, String> columns, String defaultOrder, String tieBreaker) {
        this.columns = Map.copyOf(columns);
        this.defaultOrder = defaultOrder;
        this.tieBreaker = tieBreaker;
    }

    /** The HQL order-by list (without "order by") for a caller's sort parameter, which may be null or blank. */
    public String hql(String sort) {
        if (sort == null || sort.isBlank()) {
            return defaultOrder + ", " + tieBreaker;
        }
        String[] parts = sort.trim().split(",", -1);
        String column = parts[0].trim();
        String expression = columns.get(column);
        if (expression == null) {
            throw ProblemException.badRequest("cannot sort by '" + column + "'; sortable: "
                    + columns.keySet().stream().sorted().toList());
        }
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ProblemException.badRequest("sort must be 'column' or 'column,asc' or 'column,desc', got '" + sort
                    + "'");
        }
        return expression + " " + direction + ", " + tieBreaker;
    }

    public Map<String, String> columns() {
        return columns;
    }
}
