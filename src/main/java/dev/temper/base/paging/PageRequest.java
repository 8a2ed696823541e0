package dev.temper.base.paging;

import dev.temper.base.problem.ProblemException;

/**
 * Which page of a list a caller asks for, bounded before any query runs: a page number no list reaches, or a
 * page size that would bring a whole table into memory, is refused with a 400 rather than clamped silently.
 *
 * @param page zero-based page number
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Beyond this the offset scan would cost more than any caller could want; nobody pages that far by hand. */
    public static final int MAX_PAGE = 100_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw ProblemException.badRequest("page must be between 0 and " + MAX_PAGE + ", got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The row offset of this page's first row. */
    public long offset() {
        return (long) page * size;
    }
}
