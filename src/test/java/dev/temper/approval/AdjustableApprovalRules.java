package dev.temper.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.Optional;

/**
 * Approval rules a test sets directly, so voting, separation of duties and expiry are tested apart from how a
 * team's policy is stored. Enabled only by {@link ApprovalVotesApiTest.AdjustableRules}.
 */
@Alternative
@ApplicationScoped
public class AdjustableApprovalRules implements ApprovalRules {

    private volatile int requiredApprovals = 2;
    private volatile Duration lifetime;
    private volatile boolean separatesDuties = true;

    void set(int requiredApprovals, Duration lifetime, boolean separatesDuties) {
        this.requiredApprovals = requiredApprovals;
        this.lifetime = lifetime;
        this.separatesDuties = separatesDuties;
    }

    @Override
    public int requiredApprovals(String team) {
        return requiredApprovals;
    }

    @Override
    public Optional<Duration> requestLifetime(String team) {
        return Optional.ofNullable(lifetime);
    }

    @Override
    public boolean separatesDuties(String team) {
        return separatesDuties;
    }
}
