package dev.temper.evaluation;

import dev.temper.registry.ModelVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Evaluation results seen from one model version: its evaluations, its name's history, its base's results. */
@ApplicationScoped
public class ModelEvaluationRepository implements TeamOwnedRepository<EvaluationResult> {

    @Override
    public String listOrder() {
        return "id desc";
    }

    /** The newest results of a version, at most {@code limit}. */
    List<EvaluationResult> newestOf(ModelVersion version, int limit) {
        return find("modelVersion = ?1 and team = ?2 order by id desc", version, version.team)
                .range(0, limit - 1).list();
    }

    List<EvaluationResult> ofVersionOn(ModelVersion version, Collection<Long> datasetVersionIds) {
        return list("modelVersion = ?1 and team = ?2 and datasetVersion.id in ?3", version, version.team,
                datasetVersionIds);
    }

    /** One result per version of the name on the dataset version, the newest {@code limit} versions. */
    List<EvaluationResult> history(String team, String name, long datasetVersionId, int limit) {
        return find("team = ?1 and modelVersion.team = ?1 and modelVersion.name = ?2 and datasetVersion.id = ?3"
                + " order by modelVersion.version desc", team, name, datasetVersionId).range(0, limit - 1).list();
    }
}
