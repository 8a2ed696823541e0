package dev.temper.security;

import dev.temper.base.problem.ProblemException;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository of objects that each belong to one team (a {@code team} attribute), read on behalf of a user
 * with the user's teams: lists hold only those teams' objects, and another team's object is answered as not
 * found, exactly like an id that does not exist, so that its existence is not revealed.
 *
 * @param <T> the entity, with a {@code Long id} and a {@code String team}
 */
public interface TeamOwnedRepository<T> extends PanacheRepository<T> {

    /** The order of the lists, as an HQL order-by list such as {@code "id desc"}. */
    String listOrder();

    /** The objects of these teams. */
    default List<T> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by " + listOrder(), teams);
    }

    /** The objects of these teams that also meet an HQL condition such as {@code "archivedAt is null"}. */
    default List<T> listForTeamsWhere(Collection<String> teams, String condition) {
        return list("team in ?1 and " + condition + " order by " + listOrder(), teams);
    }

    /**
     * One page of these teams' objects that meet {@code condition} (HQL with named parameters, or null for all),
     * in {@code orderBy} order (see {@link SortOrder#hql}); sorted, filtered and cut by the database.
     */
    default Page<T> pageForTeams(Collection<String> teams, String condition, Map<String, Object> parameters,
                                 PageRequest request, String orderBy) {
        if (teams.isEmpty()) {
            return Page.of(List.of(), request, 0);
        }
        List<T> items = sliceForTeams(teams, condition, parameters, request.offset(), request.size(), orderBy);
        return Page.of(items, request, count(teamCondition(condition), withTeams(teams, parameters)));
    }

    /**
     * The rows {@code [offset, offset + limit)} of these teams' objects that meet {@code condition}, without the
     * count a page carries: what a lazy picker asks for while the user types.
     */
    default List<T> sliceForTeams(Collection<String> teams, String condition, Map<String, Object> parameters,
                                  long offset, int limit, String orderBy) {
        if (teams.isEmpty() || limit < 1) {
            return List.of();
        }
        return find(teamCondition(condition) + " order by " + orderBy, withTeams(teams, parameters))
                .range((int) offset, (int) offset + limit - 1).list();
    }

    private static String teamCondition(String condition) {
        return "team in :teams" + (condition == null ? "" : " and (" + condition + ")");
    }

    private static Map<String, Object> withTeams(Collection<String> teams, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("teams", teams);
        return all;
    }

    /**
     * The object if it belongs to one of these teams; otherwise a 404 whose message calls it {@code what}
     * (such as "Job").
     */
    default T getForTeams(long id, Collection<String> teams, String what) {
        return find("id = ?1 and team in ?2", id, teams).<T>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(what, id));
    }
}
