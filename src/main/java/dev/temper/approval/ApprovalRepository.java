package dev.temper.approval;

import dev.temper.registry.ModelVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepository<ApprovalRequest> {

    List<ApprovalRequest> listForTeams(Collection<String> teams) {
        return list("team in ?1 order by id desc", teams);
    }

    Optional<ApprovalRequest> findForTeams(long id, Collection<String> teams) {
        return find("id = ?1 and team in ?2", id, teams).firstResultOptional();
    }

    boolean hasOpenRequest(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.OPEN) > 0;
    }
}
