package dev.temper.security;

import dev.temper.base.problem.ProblemException;
import java.util.Set;
import java.util.SortedSet;

/** Who is acting: the signed-in user's name, realm roles and teams (Keycloak groups). */
public record CurrentUser(String username, Set<String> roles, SortedSet<String> teams) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String team) {
        return teams.contains(team);
    }

    public void requireRole(String role, String action) {
        if (!hasRole(role)) {
            throw ProblemException.forbidden("Only a user with role " + role + " may " + action);
        }
    }

    /**
     * The team a new object belongs to: the one asked for, which the user must belong to, or the
     * user's only team.
     */
    public String teamFor(String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!isMemberOf(requested)) {
                throw ProblemException.forbidden("You are not a member of team " + requested);
            }
            return requested;
        }
        if (teams.size() == 1) {
            return teams.first();
        }
        throw ProblemException.badRequest(teams.isEmpty()
                ? "You belong to no team; ask an admin to add you to one"
                : "You belong to several teams; say which one with the 'team' field");
    }
}
