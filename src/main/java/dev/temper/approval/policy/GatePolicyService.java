package dev.temper.approval.policy;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's gate policies: its members read them, its admins write a new version; anyone else is told the team
 * has none to show (404). Each edit is checked whole before anything is written and audited with the old and new
 * version.
 */
@ApplicationScoped
@Transactional
public class GatePolicyService {

    private final GatePolicyRepository policies;
    private final BenchmarkService benchmarks;
    private final AuditLog audit;

    GatePolicyService(GatePolicyRepository policies, BenchmarkService benchmarks, AuditLog audit) {
        this.policies = policies;
        this.benchmarks = benchmarks;
        this.audit = audit;
    }

    /** The team's current policy; 404 when the user is not a member or the team has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GatePolicy current(CurrentUser user, String team) {
        requireMember(user, team);
        return policies.current(team).orElseThrow(() -> ProblemException.notFound("Gate policy of team", team));
    }

    /** The team's current policy, or none yet; 404 when the user is not a member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GatePolicy> find(CurrentUser user, String team) {
        requireMember(user, team);
        return policies.current(team);
    }

    // A transaction of its own, not SUPPORTS: a lazy grid may fetch its pages outside any request.
    @Transactional
    public Page<GatePolicy> versions(CurrentUser user, String team, PageRequest page) {
        requireMember(user, team);
        return policies.pageForTeams(List.of(team), null, Map.of(), page, "version desc");
    }

    /** The current policy of a team, for rules read outside any user's request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GatePolicy> current(String team) {
        return policies.current(team);
    }

    public GatePolicy update(CurrentUser user, String team, PolicyEdit edit) {
        requireMember(user, team);
        if (!user.hasRole(Roles.ADMIN)) {
            audit.recordRefusal(user.username(), team, AuditAction.GATE_POLICY_UPDATE, null,
                    "only an admin of the team may change its gate policy");
            throw ProblemException.forbidden("Only an admin of team " + team + " may change its gate policy");
        }
        if (edit == null) {
            throw ProblemException.badRequest("Give at least name and benchmarkId: {\"name\": \"release gates\", "
                    + "\"benchmarkId\": 1, \"minCleanLower\": 0.8}");
        }
        if (edit.benchmarkId() == null) {
            throw ProblemException.badRequest("benchmarkId: name the team's benchmark the gates are measured on");
        }
        Benchmark benchmark = benchmarks.get(user, edit.benchmarkId());
        if (!benchmark.team.equals(team)) {
            throw ProblemException.badRequest("benchmarkId: benchmark " + benchmark.id + " belongs to team "
                    + benchmark.team + ", not " + team);
        }
        Optional<GatePolicy> previous = policies.current(team);
        int currentVersion = previous.map(p -> p.version).orElse(0);
        if (edit.expectedVersion() != null && edit.expectedVersion() != currentVersion) {
            String reason = "Team " + team + "'s gate policy is at version " + currentVersion + " ("
                    + previous.map(p -> "saved by " + p.createdBy + " at " + p.createdAt).orElse("none yet")
                    + "), not " + edit.expectedVersion() + " as this edit expected; reload it and make the change again";
            audit.recordRefusal(user.username(), team, AuditAction.GATE_POLICY_UPDATE, null, reason);
            throw ProblemException.conflict(reason);
        }
        GatePolicy policy = PolicyValidation.validated(edit, benchmark.epsilons());
        policy.team = team;
        policy.version = currentVersion + 1;
        policy.createdBy = user.username();
        policy.createdAt = Instant.now();
        if (!policies.insertVersion(policy)) {
            // Two admins saved at once: the unique (team, version) lets one through; this one changes nothing.
            throw ProblemException.conflict("Another change to team " + team + "'s gate policy was saved at the "
                    + "same moment; reload and try again");
        }
        audit.record(user.username(), team, AuditAction.GATE_POLICY_UPDATE, policy.id, "Gate policy '" + policy.name
                + "' version " + previous.map(p -> p.version + " (id " + p.id + ")").orElse("none") + " -> "
                + policy.version + ": " + PolicyValidation.describe(policy));
        return policy;
    }

    private static void requireMember(CurrentUser user, String team) {
        if (!user.isMemberOf(team)) {
            throw ProblemException.notFound("Gate policy of team", team);
        }
    }
}
