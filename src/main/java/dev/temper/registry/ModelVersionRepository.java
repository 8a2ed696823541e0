package dev.temper.registry;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.dataset.DatasetVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ModelVersionRepository implements TeamOwnedRepository<ModelVersion> {

    /** The list's sort names; each is backed by an index that starts with the team (V10). */
    static final SortOrder SORT = new SortOrder(Map.of("name", "name", "version", "version", "created", "createdAt"),
            "name asc, version desc", "id desc");

    /** {@link ModelVersion#label()} in HQL. */
    private static final String LABEL = "concat(name, ' v', cast(version as String))";

    @Override
    public String listOrder() {
        return "name, version desc";
    }

    /** One page of these teams' versions whose name contains {@code nameContains} (any case), if given. */
    Page<ModelVersion> page(Collection<String> teams, String nameContains, PageRequest request, String sort) {
        ListFilter filter = new ListFilter().contains("name", "name", nameContains);
        return pageForTeams(teams, filter.condition(), filter.parameters(), request, SORT.hql(sort));
    }

    /**
     * The rows {@code [offset, offset + limit)} of these teams' versions whose label ("name v3", as pickers show it)
     * contains {@code labelContains} (any case), if given, and, when {@code trainedOn} is given, that were trained on
     * one of those dataset versions; by name, newest version first (the unique (team, name, version) index gives the
     * order).
     */
    List<ModelVersion> slice(Collection<String> teams, String labelContains, Collection<Long> trainedOn, long offset,
            int limit) {
        ListFilter filter = new ListFilter().contains(LABEL, "label", labelContains)
                .and("datasetVersion.id in :trainedOn", "trainedOn", trainedOn);
        return sliceForTeams(teams, filter.condition(), filter.parameters(), offset, limit, SORT.hql(null));
    }

    /**
     * The team's dataset versions that a model trained there could be measured on {@code target} with: the same
     * classes in the same order and as many values per sample. {@link ModelFitsDataset#forEvaluation} in SQL, so
     * that a picker filters in the database; dataset versions are few beside the models trained on them.
     */
    List<Long> trainingVersionsFitting(DatasetVersion target) {
        return getEntityManager().createNativeQuery("""
                select dv.id from dataset_version dv
                 where dv.team = :team
                   and cast(dv.class_names as jsonb) = cast(:classes as jsonb)
                   and (select round(exp(sum(ln(cast(d as numeric)))))
                          from jsonb_array_elements_text(cast(dv.shape as jsonb)) d) = :values""", Long.class)
                .setParameter("team", target.team)
                .setParameter("classes", target.classNamesJson)
                .setParameter("values", target.valueCount())
                .getResultList();
    }

    int latestVersion(String team, String name) {
        return find("team = ?1 and name = ?2 order by version desc", team, name)
                .firstResultOptional().map(v -> v.version).orElse(0);
    }
}
