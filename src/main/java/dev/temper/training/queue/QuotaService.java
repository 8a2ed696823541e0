package dev.temper.training.queue;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.security.TeamDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Team quotas: everyone reads those of their own teams, admins read all and set them. The queue reads
 * them on every dispatch, so a change applies to the next job that would start.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuotaService {

    private static final Pattern TEAM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final TeamQuotaRepository quotas;
    private final AuditLog audit;
    private final QuotaLimits defaults;
    private final TeamDirectory directory;

    QuotaService(TeamQuotaRepository quotas, AuditLog audit, QuotaConfig config, TeamDirectory directory) {
        this.quotas = quotas;
        this.audit = audit;
        this.defaults = config.defaults();
        this.directory = directory;
    }

    /** What a team without a quota of its own may hold. */
    public QuotaLimits defaults() {
        return defaults;
    }

    /** The limits of each of the teams, the defaults for those without a quota of their own. */
    public Map<String, QuotaLimits> limitsOf(Collection<String> teams) {
        if (teams.isEmpty()) {
            return Map.of();
        }
        Map<String, QuotaLimits> limits = new HashMap<>();
        teams.forEach(team -> limits.put(team, defaults));
        quotas.forTeams(teams).forEach(quota -> limits.put(quota.team, quota.limits()));
        return limits;
    }

    /** The user's teams, or every team Temper knows for an admin, with limits and usage, by team name. */
    public List<TeamQuotaStatus> overview(CurrentUser user) {
        SortedSet<String> teams = new TreeSet<>(user.teams());
        if (user.hasRole(Roles.ADMIN)) {
            teams.addAll(directory.all());
        }
        if (teams.isEmpty()) {
            return List.of();
        }
        Map<String, TeamQuota> custom = quotas.forTeams(teams).stream()
                .collect(Collectors.toMap(quota -> quota.team, Function.identity()));
        Map<String, TeamQuotaRepository.Usage> usage = quotas.usageByTeam();
        return teams.stream().map(team -> status(team, custom.get(team),
                usage.getOrDefault(team, TeamQuotaRepository.Usage.NONE))).toList();
    }

    /** Sets a team's limits; admins only. Missing or out-of-range values are refused with the field named. */
    @Transactional
    public TeamQuotaStatus set(CurrentUser user, String team, Integer maxGpus, Integer maxConcurrentJobs) {
        requireAdmin(user, team, AuditAction.QUOTA_SET, "set team quotas");
        requireTeamName(team);
        requireKnown(user, team);
        QuotaLimits limits = limits(maxGpus, maxConcurrentJobs);
        TeamQuota quota = quotas.findByIdOptional(team).orElseGet(() -> {
            TeamQuota created = new TeamQuota();
            created.team = team;
            return created;
        });
        QuotaLimits before = quota.updatedAt == null ? defaults : quota.limits();
        quota.maxGpus = limits.maxGpus();
        quota.maxConcurrentJobs = limits.maxConcurrentJobs();
        quota.updatedBy = user.username();
        quota.updatedAt = Instant.now();
        quotas.persist(quota);
        audit.record(user.username(), team, AuditAction.QUOTA_SET, team, describe(before) + " -> " + describe(limits));
        return statusOf(team);
    }

    /** Puts a team back on the configured defaults; admins only. */
    @Transactional
    public TeamQuotaStatus reset(CurrentUser user, String team) {
        requireAdmin(user, team, AuditAction.QUOTA_RESET, "reset team quotas");
        requireTeamName(team);
        requireKnown(user, team);
        quotas.findByIdOptional(team).ifPresent(quota -> {
            audit.record(user.username(), team, AuditAction.QUOTA_RESET, team,
                    describe(quota.limits()) + " -> defaults " + describe(defaults));
            quotas.delete(quota);
        });
        return statusOf(team);
    }

    private TeamQuotaStatus statusOf(String team) {
        quotas.flush();
        return status(team, quotas.findById(team),
                quotas.usageByTeam().getOrDefault(team, TeamQuotaRepository.Usage.NONE));
    }

    private TeamQuotaStatus status(String team, TeamQuota custom, TeamQuotaRepository.Usage usage) {
        QuotaLimits limits = custom == null ? defaults : custom.limits();
        return new TeamQuotaStatus(team, limits.maxGpus(), limits.maxConcurrentJobs(), custom != null,
                custom == null ? null : custom.updatedBy, custom == null ? null : custom.updatedAt,
                usage.gpusInUse(), usage.jobsRunning(), usage.jobsQueued());
    }

    private void requireAdmin(CurrentUser user, String team, AuditAction action, String what) {
        if (!user.hasRole(Roles.ADMIN)) {
            String reason = "Only a user with role " + Roles.ADMIN + " may " + what;
            audit.recordRefusal(user.username(), team, action, team, reason);
            throw ProblemException.forbidden(reason);
        }
    }

    private static void requireTeamName(String team) {
        if (team == null || !TEAM_NAME.matcher(team).matches()) {
            throw ProblemException.badRequest("team: letters, digits, '.', '_' and '-', up to 100 characters,"
                    + " starting with a letter or digit");
        }
    }

    /** A quota for a team that does not exist would be a typo nobody notices until the real team's jobs wait. */
    private void requireKnown(CurrentUser user, String team) {
        if (!user.teams().contains(team) && !directory.isKnown(team)) {
            throw new ProblemException(404, "Not found", "No team '" + team + "' is known to Temper: teams are Keycloak groups,"
                    + " and Temper learns a team when one of its members signs in");
        }
    }

    private static QuotaLimits limits(Integer maxGpus, Integer maxConcurrentJobs) {
        Set<String> missing = new TreeSet<>();
        if (maxGpus == null) {
            missing.add("maxGpus");
        }
        if (maxConcurrentJobs == null) {
            missing.add("maxConcurrentJobs");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(String.join(", ", missing) + ": required");
        }
        try {
            return new QuotaLimits(maxGpus, maxConcurrentJobs);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static String describe(QuotaLimits limits) {
        return "maxGpus " + limits.maxGpus() + ", maxConcurrentJobs " + limits.maxConcurrentJobs();
    }
}
