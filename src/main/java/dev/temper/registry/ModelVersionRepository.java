package dev.temper.registry;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

@ApplicationScoped
public class ModelVersionRepository implements TeamOwnedRepository<ModelVersion> {

    /** The list's sort names; each is backed by an index that starts with the team (V10). */
    static final SortOrder SORT = new SortOrder(Map.of("name", "name", "version", "version", "created", "createdAt"),
            "name asc, version desc", "id desc");

    @Override
    public String listOrder() {
        return "name, version desc";
    }

    /** One page of these teams' versions whose name contains {@code nameContains} (any case), if given. */
    Page<ModelVersion> page(Collection<String> teams, String nameContains, PageRequest request, String sort) {
        ListFilter filter = new ListFilter().contains("name", "name", nameContains);
        return pageForTeams(teams, filter.condition(), filter.parameters(), request, SORT.hql(sort));
    }

    int latestVersion(String team, String name) {
        return find("team = ?1 and name = ?2 order by version desc", team, name)
                .firstResultOptional().map(v -> v.version).orElse(0);
    }
}
