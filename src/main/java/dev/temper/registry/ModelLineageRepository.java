package dev.temper.registry;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lineage queries for the model page: versions derived from one, and a model name's versions. */
@ApplicationScoped
public class ModelLineageRepository implements PanacheRepository<ModelVersion> {

    List<ModelVersion> derivedFrom(ModelVersion base, int limit) {
        return find("baseVersion = ?1 and team = ?2 order by id", base, base.team).range(0, limit - 1).list();
    }

    long countDerivedFrom(ModelVersion base) {
        return count("baseVersion = ?1 and team = ?2", base, base.team);
    }
}
