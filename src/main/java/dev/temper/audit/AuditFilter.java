package dev.temper.audit;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the audit list and its exports are limited to; every field is optional. {@code from} is inclusive and
 * {@code to} exclusive.
 */
public record AuditFilter(String actor, String team, String action, String objectType, String objectId,
        Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        team = blankToNull(team);
        action = blankToNull(action);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to, got from=" + from + " to=" + to);
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-31T12:00:00Z}) or null; anything else is a 400 naming the parameter. */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw ProblemException.badRequest(parameter + " must be an ISO-8601 instant such as "
                    + "2026-01-31T12:00:00Z, got '" + value + "'");
        }
    }

    /** Exact matches on the entry's columns (the values come from what the list shows). */
    ListFilter conditions() {
        return new ListFilter()
                .and("actor = :actor", "actor", actor)
                .and("team = :team", "team", team)
                .and("action = :action", "action", action)
                .and("objectType = :objectType", "objectType", objectType)
                .and("objectId = :objectId", "objectId", objectId)
                .and("occurredAt >= :from", "from", from)
                .and("occurredAt < :to", "to", to);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
