package dev.temper.evaluation;

import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Evaluation results; leaderboards rank them here, in the database, and nowhere else. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<EvaluationResult> {

    /**
     * Reliable rows first (an unreliable robustness number never outranks a defensible one), then best clean
     * accuracy; ties by age, so a ranking never changes between two reads.
     */
    static final String RANKING = "reliable desc, cleanAccuracy desc, id";

    List<EvaluationResult> forDataset(long datasetVersionId, Collection<String> teams) {
        return list("datasetVersion.id = ?1 and team in ?2 order by " + RANKING, datasetVersionId, teams);
    }

    List<EvaluationResult> forTeams(Collection<String> teams) {
        return list("team in ?1 order by datasetVersion.id, " + RANKING, teams);
    }

    boolean exists(ModelVersion model, DatasetVersion dataset) {
        return count("modelVersion = ?1 and datasetVersion = ?2", model, dataset) > 0;
    }
}
