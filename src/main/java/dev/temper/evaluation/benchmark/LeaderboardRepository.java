package dev.temper.evaluation.benchmark;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Leaderboard rows of benchmarks, sorted, filtered and cut by the database (indexes in V11). */
@ApplicationScoped
public class LeaderboardRepository implements PanacheRepositoryBase<LeaderboardEntry, Long> {

    Page<LeaderboardEntry> page(long benchmarkId, LeaderboardFilter filter, LeaderboardSort sort,
            PageRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("benchmark", benchmarkId);
        String where = "e.benchmarkId = :benchmark" + filter.hql(parameters);
        long total = count("from LeaderboardEntry e where " + where, parameters);
        String query;
        if (sort.epsilon() == null) {
            query = "from LeaderboardEntry e where " + where;
        } else {
            // Walks leaderboard_robust's (benchmark, epsilon, accuracy) index and fetches the page's entries.
            query = "select e from LeaderboardRobust r join LeaderboardEntry e on e.resultId = r.resultId "
                    + "where r.benchmarkId = :benchmark and r.epsilon = :epsilon and " + where;
            parameters.put("epsilon", sort.epsilon());
        }
        List<LeaderboardEntry> items = find(query + " order by " + sort.orderBy(), parameters)
                .range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        return Page.of(items, request, total);
    }

    /** The first {@code limit} rows in the ranking: what the board's chart draws. */
    List<LeaderboardEntry> top(long benchmarkId, int limit) {
        return find("from LeaderboardEntry e where e.benchmarkId = ?1 order by " + LeaderboardSort.RANKING
                + ", e.resultId", benchmarkId).range(0, limit - 1).list();
    }

    boolean hasRow(long benchmarkId, long modelVersionId) {
        return count("benchmarkId = ?1 and modelVersionId = ?2", benchmarkId, modelVersionId) > 0;
    }

    long rows(long benchmarkId) {
        return count("benchmarkId", benchmarkId);
    }
}
