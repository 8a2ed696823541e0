package dev.temper.dataset;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DatasetVersionRepository implements TeamOwnedRepository<DatasetVersion> {

    @Override
    public String listOrder() {
        return "dataset.name, version desc";
    }

    List<DatasetVersion> listForTeams(Collection<String> teams, boolean includeArchived) {
        return includeArchived ? listForTeams(teams) : listForTeamsWhere(teams, "archivedAt is null");
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
