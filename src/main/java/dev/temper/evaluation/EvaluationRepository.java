package dev.temper.evaluation;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/** Evaluation results; per-dataset boards rank and cut them here, in the database, and nowhere else. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<EvaluationResult> {

    /**
     * Reliable rows first (an unreliable robustness number never outranks a defensible one), then best clean
     * accuracy; ties by age, so a ranking never changes between two reads.
     */
    static final String RANKING = "reliable desc, cleanAccuracy desc, id";

    Page<EvaluationResult> forDataset(long datasetVersionId, Collection<String> teams, PageRequest request) {
        return page("datasetVersion.id = ?1 and team in ?2", RANKING, request, datasetVersionId, teams);
    }

    Page<EvaluationResult> forTeams(Collection<String> teams, PageRequest request) {
        return page("team in ?1", "datasetVersion.id, " + RANKING, request, teams);
    }

    boolean exists(ModelVersion model, DatasetVersion dataset) {
        return count("modelVersion = ?1 and datasetVersion = ?2", model, dataset) > 0;
    }

    /** The version's newest evaluation on a benchmark, or on any benchmark when {@code benchmarkId} is null. */
    java.util.Optional<EvaluationResult> newest(ModelVersion model, Long benchmarkId) {
        return benchmarkId == null
                ? find("modelVersion = ?1 order by createdAt desc, id desc", model).firstResultOptional()
                : find("modelVersion = ?1 and benchmarkId = ?2 order by createdAt desc, id desc", model, benchmarkId)
                        .firstResultOptional();
    }

    private Page<EvaluationResult> page(String where, String order, PageRequest request, Object... parameters) {
        var items = find(where + " order by " + order, parameters)
                .range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        return Page.of(items, request, count(where, parameters));
    }
}
