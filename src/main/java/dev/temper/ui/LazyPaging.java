package dev.temper.ui;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import dev.temper.base.paging.PageRequest;

/**
 * What a lazy grid asks for, in the terms of the list services: the page of rows, and the column the user
 * sorted by. A column's sort property is the API's sort name ({@code "name"}, {@code "created"}).
 */
public final class LazyPaging {

    private LazyPaging() {
    }

    /** The grid asks page by page (offset a multiple of the limit), as Vaadin's data communicator does. */
    public static PageRequest request(Query<?, ?> query) {
        return new PageRequest(query.getPage(), query.getPageSize());
    }

    /** The first sort order as a sort parameter ({@code "name,desc"}), or null for the list's default order. */
    public static String sort(Query<?, ?> query) {
        return query.getSortOrders().stream().findFirst()
                .map(order -> order.getSorted() + (order.getDirection() == SortDirection.DESCENDING ? ",desc" : ",asc"))
                .orElse(null);
    }
}
