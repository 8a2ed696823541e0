package dev.temper.approval;

import java.time.Duration;
import java.util.Optional;

/**
 * What a team's policy says about deciding its approval requests. The team's gate policy supplies it; teams
 * without one get {@link DefaultApprovalRules}.
 */
public interface ApprovalRules {

    /** Approvals needed before a request is approved: 1 to 3. */
    int requiredApprovals(String team);

    /** How long a request stays open before it expires; empty when requests never expire. */
    Optional<Duration> requestLifetime(String team);

    /** Whether the requester and the creator of the version's training job are barred from approving it. */
    boolean separatesDuties(String team);
}
