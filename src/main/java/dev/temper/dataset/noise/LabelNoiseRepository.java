package dev.temper.dataset.noise;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class LabelNoiseRepository implements PanacheRepository<LabelNoiseSearch> {

    Optional<LabelNoiseSearch> running(long datasetVersionId) {
        return find("datasetVersion.id = ?1 and state = ?2", datasetVersionId, LabelNoiseSearch.State.RUNNING)
                .firstResultOptional();
    }

    Optional<LabelNoiseSearch> latest(long datasetVersionId) {
        return find("datasetVersion.id = ?1 order by id desc", datasetVersionId).firstResultOptional();
    }
}
