package dev.temper.base.paging;

import dev.temper.base.problem.ProblemException;

/**
 * List query parameters read by hand, so that a malformed one is a 400 that names it (JAX-RS would answer a
 * bare 404 for an {@code int} parameter it cannot convert).
 */
public final class PageParams {

    private PageParams() {
    }

    /** {@code page} (default 0) and {@code size} (default {@value PageRequest#DEFAULT_SIZE}), bounded. */
    public static PageRequest request(String page, String size) {
        return new PageRequest(integer("page", page, 0), integer("size", size, PageRequest.DEFAULT_SIZE));
    }

    /** null when absent; true or false; anything else is a 400. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name + " must be true or false, got '" + value + "'");
        };
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, got '" + value + "'");
        }
    }
}
