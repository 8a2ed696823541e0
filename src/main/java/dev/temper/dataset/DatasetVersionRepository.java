package dev.temper.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DatasetVersionRepository implements PanacheRepository<DatasetVersion> {

    List<DatasetVersion> listForTeams(Collection<String> teams, boolean includeArchived) {
        return includeArchived
                ? list("team in ?1 order by dataset.name, version desc", teams)
                : list("team in ?1 and archivedAt is null order by dataset.name, version desc", teams);
    }

    Optional<DatasetVersion> findForTeams(long id, Collection<String> teams) {
        return find("id = ?1 and team in ?2", id, teams).firstResultOptional();
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
