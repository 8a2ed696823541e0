package dev.temper.security;

import dev.temper.base.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import java.util.Collection;
import java.util.List;

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
     * The object if it belongs to one of these teams; otherwise a 404 whose message calls it {@code what}
     * (such as "Job").
     */
    default T getForTeams(long id, Collection<String> teams, String what) {
        return find("id = ?1 and team in ?2", id, teams).<T>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound(what, id));
    }
}
