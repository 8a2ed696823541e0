package dev.temper.evaluation;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model version's evaluations for its page and its card: paged in the database, scoped to the caller's teams
 * (or, for the card, to the version's own team), and the history of its name on one dataset version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ModelEvaluations {

    /** Versions of a name drawn in its history; more than a chart can show apart. */
    public static final int HISTORY_VERSIONS = 100;

    private final ModelEvaluationRepository results;

    ModelEvaluations(ModelEvaluationRepository results) {
        this.results = results;
    }

    /** One page of the version's evaluations, newest first; none for a version of another team. */
    public Page<EvaluationResult> page(CurrentUser user, long modelVersionId, PageRequest page) {
        return results.pageForTeams(user.teams(), "modelVersion.id = :version", Map.of("version", modelVersionId),
                page, "id desc");
    }

    /** The dataset versions the version was evaluated on, newest evaluation first (at most {@code limit}). */
    public List<DatasetVersion> evaluatedOn(CurrentUser user, ModelVersion version, int limit) {
        if (!user.isMemberOf(version.team)) {
            return List.of();
        }
        Map<Long, DatasetVersion> datasets = new LinkedHashMap<>();
        results.newestOf(version, limit).forEach(r -> datasets.putIfAbsent(r.datasetVersion.id, r.datasetVersion));
        return List.copyOf(datasets.values());
    }

    /**
     * The name's versions measured on one dataset version (the same test split and threat model), oldest version
     * first, the newest {@value #HISTORY_VERSIONS} versions at most.
     */
    public List<EvaluationResult> history(CurrentUser user, ModelVersion version, long datasetVersionId) {
        if (!user.isMemberOf(version.team)) {
            return List.of();
        }
        List<EvaluationResult> newestFirst = new ArrayList<>(results.history(version.team, version.name,
                datasetVersionId, HISTORY_VERSIONS));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The version's newest evaluations, for its model card (the caller has checked the version's team). */
    public List<EvaluationResult> forCard(ModelVersion version, int limit) {
        return results.newestOf(version, limit);
    }

    /** How many evaluations the version has in all. */
    public long count(ModelVersion version) {
        return results.count("modelVersion = ?1 and team = ?2", version, version.team);
    }

    /** The base version's results on these dataset versions, to compare a fine-tuned version with its base. */
    public List<EvaluationResult> ofVersionOn(ModelVersion version, Collection<Long> datasetVersionIds) {
        return datasetVersionIds.isEmpty() ? List.of() : results.ofVersionOn(version, datasetVersionIds);
    }
}
