package dev.temper.base.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.base.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListFilterTest {

    private enum Colour { RED, GREEN }

    @Test
    void onlyGivenValuesAddConditionsAndValuesAreBoundNeverPasted() {
        assertThat(new ListFilter().and("state = :state", "state", null).andIf(false, "archivedAt is null")
                .contains("name", "name", "  ").condition()).isNull();

        ListFilter filter = new ListFilter().and("state = :state", "state", Colour.RED)
                .andIf(true, "archivedAt is null").contains("dataset.name", "name", "Iris' or 1=1");
        assertThat(filter.condition())
                .isEqualTo("state = :state and archivedAt is null and lower(dataset.name) like :name escape '!'");
        assertThat(filter.parameters()).isEqualTo(Map.of("state", Colour.RED, "name", "%iris' or 1=1%"));
    }

    @Test
    void wildcardsInTheTextMatchThemselves() {
        assertThat(ListFilter.containsPattern(" 50%_off! ")).isEqualTo("%50!%!_off!!%");
    }

    @Test
    void enumAndIdFiltersRefuseWhatTheyCannotRead() {
        assertThat(ListFilter.enumValue(Colour.class, "colour", "green")).isEqualTo(Colour.GREEN);
        assertThat(ListFilter.enumValue(Colour.class, "colour", null)).isNull();
        assertThatThrownBy(() -> ListFilter.enumValue(Colour.class, "colour", "blue"))
                .isInstanceOf(ProblemException.class).hasMessage("colour must be one of [RED, GREEN], got 'blue'");
        assertThat(ListFilter.idValue("datasetVersionId", " 42 ")).isEqualTo(42L);
        assertThat(ListFilter.idValue("datasetVersionId", "")).isNull();
        assertThatThrownBy(() -> ListFilter.idValue("datasetVersionId", "4x2"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("datasetVersionId must be an id");
    }

    @Test
    void pageParametersDefaultToTheFirstPageAndRefuseWhatIsNoNumber() {
        assertThat(new PageParameters(null, null, null).request())
                .isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
        assertThat(new PageParameters("3", "20", "name,desc").request()).isEqualTo(new PageRequest(3, 20));
        assertThat(new PageParameters("3", "20", "name,desc").sort()).isEqualTo("name,desc");
        assertThatThrownBy(() -> new PageParameters("x", null, null).request())
                .hasMessage("page must be a whole number, got 'x'");
        assertThatThrownBy(() -> new PageParameters(null, "1e3", null).request())
                .hasMessage("size must be a whole number, got '1e3'");
        assertThatThrownBy(() -> new PageParameters(null, "501", null).request())
                .hasMessageContaining("size must be between 1 and 500");
    }
}
