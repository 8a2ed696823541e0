package dev.temper.evaluation;

import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<EvaluationResult> {

    List<EvaluationResult> forDataset(long datasetVersionId, Collection<String> teams) {
        return list("datasetVersion.id = ?1 and team in ?2 order by cleanAccuracy desc", datasetVersionId, teams);
    }

    List<EvaluationResult> forTeams(Collection<String> teams) {
        return list("team in ?1 order by datasetVersion.id, cleanAccuracy desc", teams);
    }

    boolean exists(ModelVersion model, DatasetVersion dataset) {
        return count("modelVersion = ?1 and datasetVersion = ?2", model, dataset) > 0;
    }
}
