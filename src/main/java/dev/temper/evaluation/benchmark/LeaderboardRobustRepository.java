package dev.temper.evaluation.benchmark;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class LeaderboardRobustRepository implements PanacheRepository<LeaderboardRobust> {

    /** The robust points of these rows (a page's worth), by row and epsilon. */
    List<LeaderboardRobust> ofResults(Collection<Long> resultIds) {
        return resultIds.isEmpty() ? List.of()
                : list("resultId in ?1 order by resultId, epsilon", resultIds);
    }
}
