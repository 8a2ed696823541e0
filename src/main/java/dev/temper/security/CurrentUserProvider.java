package dev.temper.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Builds the {@link CurrentUser} of the current request from its verified OIDC identity. Callers ask
 * on every request (the injected identity is request-bound), so no user is ever cached in a singleton.
 */
@ApplicationScoped
public class CurrentUserProvider {

    static final String TEAMS_CLAIM = "groups";

    private final SecurityIdentity identity;

    CurrentUserProvider(SecurityIdentity identity) {
        this.identity = identity;
    }

    public CurrentUser get() {
        return fromIdentity(identity);
    }

    public static CurrentUser fromIdentity(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new CurrentUser("anonymous", Set.of(), new TreeSet<>());
        }
        return new CurrentUser(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()), teams(identity));
    }

    private static TreeSet<String> teams(SecurityIdentity identity) {
        TreeSet<String> teams = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(TEAMS_CLAIM);
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> teams.add(stripQuotes(String.valueOf(v))));
            }
        }
        return teams;
    }

    /** JSON-P string values print with quotes. */
    private static String stripQuotes(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
