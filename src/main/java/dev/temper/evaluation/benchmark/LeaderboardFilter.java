package dev.temper.evaluation.benchmark;

import dev.temper.base.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What a leaderboard is narrowed to, checked before any query: model and base names by case-insensitive prefix,
 * reliable or unreliable rows only, and a recording date range ({@code from} inclusive, {@code to} exclusive).
 */
public record LeaderboardFilter(String model, String base, Boolean reliable, Instant from, Instant to) {

    public static final int PREFIX_MAX_LENGTH = 120;
    public static final LeaderboardFilter NONE = new LeaderboardFilter(null, null, null, null, null);

    public LeaderboardFilter {
        model = prefix("model", model);
        base = prefix("base", base);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to, got from=" + from + " to=" + to);
        }
    }

    /**
     * From query parameters: dates as ISO instants ({@code 2026-01-31T12:00:00Z}) or days ({@code 2026-01-31});
     * a day as {@code to} means up to the end of that day.
     */
    public static LeaderboardFilter parse(String model, String base, Boolean reliable, String from, String to) {
        return new LeaderboardFilter(model, base, reliable, instant("from", from, false), instant("to", to, true));
    }

    private static String prefix(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > PREFIX_MAX_LENGTH) {
            throw ProblemException.badRequest(name + " must be at most " + PREFIX_MAX_LENGTH + " characters");
        }
        return value.trim();
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date (2026-01-31) or an instant "
                    + "(2026-01-31T12:00:00Z), got '" + value + "'");
        }
    }

    /** The HQL condition on entry {@code e} (null for none), its parameters put into {@code parameters}. */
    String hql(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (model != null) {
            where.append(" and lower(e.modelName) like :model escape '!'");
            parameters.put("model", likePrefix(model));
        }
        if (base != null) {
            where.append(" and lower(e.baseLabel) like :base escape '!'");
            parameters.put("base", likePrefix(base));
        }
        if (reliable != null) {
            where.append(" and e.reliable = :reliable");
            parameters.put("reliable", reliable);
        }
        if (from != null) {
            where.append(" and e.createdAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and e.createdAt < :to");
            parameters.put("to", to);
        }
        return where.toString();
    }

    private static String likePrefix(String value) {
        // '!' escapes: a backslash would be read as an escape by HQL's own string literals.
        return value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
