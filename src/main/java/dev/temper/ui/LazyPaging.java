package dev.temper.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a lazy grid or picker asks for, in the terms of the list services: the page of rows, and the column the
 * user sorted by. A column's sort property is the API's sort name ({@code "name"}, {@code "created"}).
 */
public final class LazyPaging {

    private LazyPaging() {
    }

    /** The grid asks page by page (offset a multiple of the limit), as Vaadin's data communicator does. */
    public static PageRequest request(Query<?, ?> query) {
        return new PageRequest(query.getPage(), query.getPageSize());
    }

    /**
     * The rows {@code [offset, offset + limit)} from one page of the service, or two when the grid's window
     * straddles a page boundary (grids that scroll to an arbitrary row ask for such windows).
     */
    public static <T> Stream<T> fetch(Query<T, ?> query, Function<PageRequest, Page<T>> pages) {
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

    /**
     * Feeds a combo box from the database: each fetch asks for the rows {@code [offset, offset + limit)} of the items
     * matching what the user typed, so a picker over 100,000 versions holds only the window it shows.
     */
    public static <T> void pick(ComboBox<T> box, ComboBox.FetchItemsCallback<T> items) {
        box.setItems(query -> items.fetchItems(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
    }

    /** The first sort order as a sort parameter ({@code "name,desc"}), or null for the list's default order. */
    public static String sort(Query<?, ?> query) {
        return query.getSortOrders().stream().findFirst()
                .map(order -> order.getSorted() + (order.getDirection() == SortDirection.DESCENDING ? ",desc" : ",asc"))
                .orElse(null);
    }
}
