package dev.temper.registry;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ModelVersionRepository implements TeamOwnedRepository<ModelVersion> {

    @Override
    public String listOrder() {
        return "name, version desc";
    }

    int latestVersion(String team, String name) {
        return find("team = ?1 and name = ?2 order by version desc", team, name)
                .firstResultOptional().map(v -> v.version).orElse(0);
    }
}
