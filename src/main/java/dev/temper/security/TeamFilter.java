package dev.temper.security;

import java.util.Set;

/**
 * The teams a list is read for when the caller may narrow it to one team: all of the user's teams, or the
 * named one if the user belongs to it. Another team's name lists nothing, just as another team's id is not
 * found, so the answer does not tell whether that team exists.
 */
public final class TeamFilter {

    private TeamFilter() {
    }

    public static Set<String> teams(CurrentUser user, String team) {
        if (team == null || team.isBlank()) {
            return user.teams();
        }
        return user.isMemberOf(team.strip()) ? Set.of(team.strip()) : Set.of();
    }
}
