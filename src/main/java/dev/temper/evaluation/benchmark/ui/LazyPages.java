package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** A lazy grid's query as the service's pages: Vaadin asks by offset and limit, the database answers in pages. */
final class LazyPages {

    private LazyPages() {
    }

    /** The rows {@code [offset, offset + limit)}, from one page, or two when the window straddles a page boundary. */
    static <T> Stream<T> fetch(Query<T, ?> query, Function<PageRequest, Page<T>> pages) {
        int limit = Math.min(query.getLimit(), PageRequest.MAX_SIZE);
        int offset = query.getOffset();
        int page = offset / limit;
        List<T> first = pages.apply(new PageRequest(page, limit)).items();
        int skip = offset - page * limit;
        if (skip == 0) {
            return first.stream();
        }
        List<T> second = first.size() < limit ? List.of() : pages.apply(new PageRequest(page + 1, limit)).items();
        return Stream.concat(first.stream(), second.stream()).skip(skip).limit(limit);
    }

    /** The grid's sort as the API writes it ({@code "clean,desc"}), or null for the default order. */
    static String sort(Query<?, ?> query) {
        List<QuerySortOrder> orders = query.getSortOrders();
        if (orders.isEmpty()) {
            return null;
        }
        QuerySortOrder order = orders.get(0);
        return order.getSorted() + (order.getDirection() == SortDirection.DESCENDING ? ",desc" : ",asc");
    }
}
