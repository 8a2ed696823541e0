package dev.temper.base.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.base.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

    private final SortOrder order = new SortOrder(Map.of("name", "name", "created", "createdAt"), "createdAt desc",
            "id desc");

    @Test
    void pagesAreBoundedBeforeAnyQuery() {
        assertThat(new PageRequest(3, 50).offset()).isEqualTo(150);
        assertThatThrownBy(() -> new PageRequest(-1, 50)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("page must be between 0");
        assertThatThrownBy(() -> new PageRequest(0, 0)).hasMessageContaining("size must be between 1 and 500");
        assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_SIZE + 1)).hasMessageContaining("got 501");
        assertThatThrownBy(() -> new PageRequest(PageRequest.MAX_PAGE + 1, 10)).hasMessageContaining("page must be");
    }

    @Test
    void sortNamesAreCheckedAgainstTheColumnsAndAlwaysEndWithTheTieBreaker() {
        assertThat(order.hql(null)).isEqualTo("createdAt desc, id desc");
        assertThat(order.hql("name")).isEqualTo("name asc, id desc");
        assertThat(order.hql("created,desc")).isEqualTo("createdAt desc, id desc");
        assertThatThrownBy(() -> order.hql("id; drop table model_version")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("sortable: [created, name]");
        assertThatThrownBy(() -> order.hql("name,sideways")).hasMessageContaining("'column,desc'");
        assertThatThrownBy(() -> order.hql("name,desc,asc")).hasMessageContaining("'column,desc'");
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsPlace() {
        Page<Integer> page = Page.of(List.of(1, 2), new PageRequest(2, 2), 7);
        assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), 2, 2, 7));
    }
}
