package dev.temper.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class DatasetVersionRepository implements PanacheRepository<DatasetVersion> {

    List<DatasetVersion> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by dataset.name, version desc", teams);
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
}
