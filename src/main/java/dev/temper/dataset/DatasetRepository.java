package dev.temper.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class DatasetRepository implements PanacheRepository<Dataset> {

    Optional<Dataset> findByTeamAndName(String team, String name) {
        return find("team = ?1 and name = ?2", team, name).firstResultOptional();
    }
}
