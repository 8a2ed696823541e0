package dev.temper.registry;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ModelVersionRepository implements PanacheRepository<ModelVersion> {

    List<ModelVersion> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by name, version desc", teams);
    }

    Optional<ModelVersion> findForTeams(long id, Collection<String> teams) {
        return find("id = ?1 and team in ?2", id, teams).firstResultOptional();
    }

    int latestVersion(String team, String name) {
        return find("team = ?1 and name = ?2 order by version desc", team, name)
                .firstResultOptional().map(v -> v.version).orElse(0);
    }
}
