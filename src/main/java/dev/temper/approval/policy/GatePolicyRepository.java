package dev.temper.approval.policy;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class GatePolicyRepository implements TeamOwnedRepository<GatePolicy> {

    @Override
    public String listOrder() {
        return "version desc";
    }

    /** The team's current policy: its highest version. */
    Optional<GatePolicy> current(String team) {
        return find("team = ?1 order by version desc", team).firstResultOptional();
    }
}
