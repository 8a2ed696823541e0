package dev.temper.approval;

import dev.temper.registry.ModelVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ApprovalRepository implements TeamOwnedRepository<ApprovalRequest> {

    @Override
    public String listOrder() {
        return "id desc";
    }

    boolean hasOpenRequest(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.OPEN) > 0;
    }

    Optional<ApprovalRequest> newestWithIntendedUse(ModelVersion version) {
        return find("modelVersion = ?1 and intendedUse is not null and intendedUse <> ''"
                + " order by case when state = ?2 then 0 else 1 end, id desc", version, ApprovalState.APPROVED)
                .firstResultOptional();
    }
}
