package dev.temper.approval;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The rules before any policy is set: one approval, no expiry, duties separated. */
@DefaultBean
@ApplicationScoped
public class DefaultApprovalRules implements ApprovalRules {

    @Override
    public int requiredApprovals(String team) {
        return 1;
    }

    @Override
    public Optional<Duration> requestLifetime(String team) {
        return Optional.empty();
    }

    @Override
    public boolean separatesDuties(String team) {
        return true;
    }
}
