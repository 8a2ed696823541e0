package dev.temper.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The teams Temper knows. Keycloak owns teams (groups) and the server has no right to list them, so Temper learns
 * a team from the tokens of those who sign in, and remembers it. Recording happens after authentication, off the
 * request, and costs a set lookup once a team has been seen.
 */
@ApplicationScoped
public class TeamDirectory {

    private final EntityManager entityManager;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    TeamDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void onSignIn(@ObservesAsync AuthenticationSuccessEvent event) {
        record(CurrentUserProvider.fromIdentity(event.getSecurityIdentity()).teams());
    }

    /** Remembers teams seen in a verified token. */
    public void record(Collection<String> teams) {
        List<String> unseen = teams.stream().filter(team -> !recorded.contains(team)).toList();
        if (unseen.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> unseen.forEach(team -> entityManager
                .createNativeQuery("insert into known_team (name) values (?1) on conflict do nothing")
                .setParameter(1, team).executeUpdate()));
        recorded.addAll(unseen);
    }

    public boolean isKnown(String team) {
        if (recorded.contains(team)) {
            return true;
        }
        boolean known = QuarkusTransaction.joiningExisting().call(() -> !entityManager
                .createNativeQuery("select 1 from known_team where name = ?1").setParameter(1, team)
                .getResultList().isEmpty());
        if (known) {
            recorded.add(team);
        }
        return known;
    }

    /** Every team Temper has seen, by name. */
    @SuppressWarnings("unchecked")
    public SortedSet<String> all() {
        return QuarkusTransaction.joiningExisting().call(() -> new TreeSet<>((List<String>) entityManager
                .createNativeQuery("select name from known_team", String.class).getResultList()));
    }
}
