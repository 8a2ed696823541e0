package dev.temper.dataset;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class DatasetVersionRepository implements TeamOwnedRepository<DatasetVersion> {

    /** The list's sort names: by dataset name (newest version first within a name) or by registration time. */
    static final SortOrder SORT = new SortOrder(Map.of("name", "dataset.name", "created", "createdAt"),
            "dataset.name asc, version desc", "id desc");

    @Override
    public String listOrder() {
        return "dataset.name, version desc";
    }

    /**
     * The rows {@code [offset, offset + limit)} of these teams' current (not archived) versions whose label ("iris v3",
     * as pickers show it) contains the text, if given, by dataset name and newest version first.
     */
    List<DatasetVersion> current(Collection<String> teams, String labelContains, long offset, int limit) {
        ListFilter filter = new ListFilter().contains("concat(dataset.name, ' v', cast(version as String))", "label",
                labelContains).and("archivedAt is null");
        return sliceForTeams(teams, filter.condition(), filter.parameters(), offset, limit, SORT.hql(null));
    }

    /** One page of these teams' versions: archived ones only when asked for, names containing the text if given. */
    Page<DatasetVersion> page(Collection<String> teams, String nameContains, boolean includeArchived,
            PageRequest request, String sort) {
        ListFilter filter = new ListFilter().contains("dataset.name", "name", nameContains)
                .andIf(!includeArchived, "archivedAt is null");
        return pageForTeams(teams, filter.condition(), filter.parameters(), request, SORT.hql(sort));
    }

    Optional<DatasetVersion> findByContent(String team, String sha256) {
        return find("team = ?1 and sha256 = ?2", team, sha256).firstResultOptional();
    }

    int latestVersion(Dataset dataset) {
        return find("dataset = ?1 order by version desc", dataset).firstResultOptional().map(v -> v.version).orElse(0);
    }

    long countChildren(DatasetVersion version) {
        return count("parent = ?1", version);
    }

    /** Jobs, models and evaluations that name the version: while any does, it can only be archived. */
    long countUses(DatasetVersion version) {
        var em = getEntityManager();
        long jobs = em.createQuery("select count(j) from TrainingJob j where j.datasetVersion = ?1", Long.class)
                .setParameter(1, version).getSingleResult();
        long models = em.createQuery("select count(m) from ModelVersion m where m.datasetVersion = ?1", Long.class)
                .setParameter(1, version).getSingleResult();
        long evaluations = em.createQuery("select count(e) from EvaluationResult e where e.datasetVersion = ?1",
                Long.class).setParameter(1, version).getSingleResult();
        return jobs + models + evaluations;
    }
}
