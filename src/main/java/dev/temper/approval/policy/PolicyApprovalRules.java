package dev.temper.approval.policy;

import dev.temper.approval.ApprovalRules;
import dev.temper.approval.DefaultApprovalRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The approval rules of a team's current gate policy; a team without one gets {@link DefaultApprovalRules}'. */
@ApplicationScoped
public class PolicyApprovalRules implements ApprovalRules {

    private final GatePolicyService policies;
    private final DefaultApprovalRules defaults = new DefaultApprovalRules();

    PolicyApprovalRules(GatePolicyService policies) {
        this.policies = policies;
    }

    @Override
    public int requiredApprovals(String team) {
        return policies.current(team).map(p -> p.requiredApprovals).orElseGet(() -> defaults.requiredApprovals(team));
    }

    @Override
    public Optional<Duration> requestLifetime(String team) {
        return policies.current(team).map(p -> Optional.ofNullable(p.expiryDays).map(Duration::ofDays))
                .orElseGet(() -> defaults.requestLifetime(team));
    }

    @Override
    public boolean separatesDuties(String team) {
        return policies.current(team).map(p -> p.separatesDuties).orElseGet(() -> defaults.separatesDuties(team));
    }
}
