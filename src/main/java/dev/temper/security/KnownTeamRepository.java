package dev.temper.security;

import dev.temper.base.SqlRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/** The table {@code known_team}: names only, added to and never changed. */
@ApplicationScoped
@SqlRepository
class KnownTeamRepository {

    private final EntityManager entityManager;

    KnownTeamRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void addAll(Collection<String> teams) {
        teams.forEach(team -> entityManager
                .createNativeQuery("insert into known_team (name) values (?1) on conflict do nothing")
                .setParameter(1, team).executeUpdate());
    }

    @Transactional
    boolean exists(String team) {
        return !entityManager.createNativeQuery("select 1 from known_team where name = ?1").setParameter(1, team)
                .getResultList().isEmpty();
    }

    @Transactional
    List<String> names() {
        return entityManager.createNativeQuery("select name from known_team", String.class).getResultList()
                .stream().map(String.class::cast).toList();
    }
}
