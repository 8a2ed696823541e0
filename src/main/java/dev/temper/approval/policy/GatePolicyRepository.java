package dev.temper.approval.policy;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

@ApplicationScoped
public class GatePolicyRepository implements TeamOwnedRepository<GatePolicy> {

    @Override
    public String listOrder() {
        return "version desc";
    }

    /**
     * Inserts a new version now rather than at commit, so that a second edit saved at the same moment meets the
     * unique (team, version) here.
     *
     * @return false if another edit took this version number first (then the transaction must roll back)
     */
    boolean insertVersion(GatePolicy policy) {
        try {
            persist(policy);
            flush();
            return true;
        } catch (PersistenceException e) {
            return false;
        }
    }

    /** The team's current policy: its highest version. */
    Optional<GatePolicy> current(String team) {
        return find("team = ?1 order by version desc", team).firstResultOptional();
    }
}
