package dev.temper.approval;

import dev.temper.registry.ModelVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApprovalRepository implements TeamOwnedRepository<ApprovalRequest> {

    @Override
    public String listOrder() {
        return "id desc";
    }

    boolean hasOpenRequest(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.OPEN) > 0;
    }
}
