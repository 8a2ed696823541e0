package dev.temper.registry;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ModelAliasRepository implements PanacheRepository<ModelAlias> {

    Optional<ModelAlias> find(String team, String alias) {
        return find("team = ?1 and alias = ?2", team, alias).firstResultOptional();
    }

    List<ModelAlias> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by team, alias", teams);
    }
}
