package dev.temper.base.paging;

import dev.temper.base.problem.ProblemException;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters every list endpoint takes (as a
 * {@code @BeanParam}). They are read as text so that a value that is no number answers a 400 naming it; an
 * {@code int} query parameter that does not parse would be a 404.
 */
public class PageParameters {

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    @QueryParam("sort")
    String sort;

    public PageParameters() {
    }

    public PageParameters(String page, String size, String sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    /** The page asked for: the first {@value PageRequest#DEFAULT_SIZE} rows when none is named. */
    public PageRequest request() {
        return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
    }

    /** The caller's sort ({@code "name"}, {@code "name,desc"}), or null for the list's default order. */
    public String sort() {
        return sort;
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw ProblemException.badRequest(name + " must be a whole number, got '" + value + "'");
        }
    }
}
