package dev.temper.registry;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ModelAliasRepository implements TeamOwnedRepository<ModelAlias> {

    Optional<ModelAlias> find(String team, String alias) {
        return find("team = ?1 and alias = ?2", team, alias).firstResultOptional();
    }

    @Override
    public String listOrder() {
        return "team, alias";
    }
}
