package dev.temper.base.paging;

import dev.temper.base.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The conditions a caller's filters add to a list query, as HQL with named parameters: each condition is
 * added only when its value was given, and values are always bound, never pasted into the query.
 */
public final class ListFilter {

    /** The escape character of {@link #contains} patterns; a backslash would need escaping in HQL itself. */
    private static final char ESCAPE = '!';

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition} (which names {@code :parameter}) when {@code value} is not null. */
    public ListFilter and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition without parameters, such as {@code "archivedAt is null"}. */
    public ListFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition without parameters when {@code applies}. */
    public ListFilter andIf(boolean applies, String condition) {
        return applies ? and(condition) : this;
    }

    /**
     * Adds "the text {@code expression} contains {@code text}, ignoring case" when text is not blank; the
     * caller's % and _ match themselves.
     */
    public ListFilter contains(String expression, String parameter, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        return and("lower(" + expression + ") like :" + parameter + " escape '" + ESCAPE + "'", parameter,
                containsPattern(text));
    }

    /** The conditions joined with "and", or null when there are none (as {@code pageForTeams} takes it). */
    public String condition() {
        return conditions.isEmpty() ? null : String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    static String containsPattern(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** A filter parameter naming a constant of {@code type}, or null when absent; anything else is a 400. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest(parameter + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + ", got '" + value + "'");
        }
    }

    /** A filter parameter holding an id, or null when absent; anything that is not a number is a 400. */
    public static Long idValue(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notANumber) {
            throw ProblemException.badRequest(parameter + " must be an id (a whole number), got '" + value + "'");
        }
    }

    /** null when absent; true or false; anything else is a 400 naming the parameter. */
    public static Boolean booleanValue(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(parameter + " must be true or false, got '" + value + "'");
        };
    }
}
