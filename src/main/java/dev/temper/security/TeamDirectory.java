package dev.temper.security;

import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
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

    private final KnownTeamRepository teams;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    TeamDirectory(KnownTeamRepository teams) {
        this.teams = teams;
    }

    void onSignIn(@ObservesAsync AuthenticationSuccessEvent event) {
        record(CurrentUserProvider.fromIdentity(event.getSecurityIdentity()).teams());
    }

    /** Remembers teams seen in a verified token. */
    public void record(Collection<String> seen) {
        List<String> unseen = seen.stream().filter(team -> !recorded.contains(team)).toList();
        if (!unseen.isEmpty()) {
            teams.addAll(unseen);
            recorded.addAll(unseen);
        }
    }

    public boolean isKnown(String team) {
        if (recorded.contains(team)) {
            return true;
        }
        boolean known = teams.exists(team);
        if (known) {
            recorded.add(team);
        }
        return known;
    }

    /** Every team Temper has seen, by name. */
    public SortedSet<String> all() {
        return new TreeSet<>(teams.names());
    }
}
