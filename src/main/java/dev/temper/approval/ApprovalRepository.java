package dev.temper.approval;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.registry.ModelVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

@ApplicationScoped
public class ApprovalRepository implements TeamOwnedRepository<ApprovalRequest> {

    /** The list's sort names: when requested (newest first by default) or by state. */
    static final SortOrder SORT = new SortOrder(Map.of("requested", "requestedAt", "state", "state"),
            "requestedAt desc", "id desc");

    @Override
    public String listOrder() {
        return "id desc";
    }

    /** One page of these teams' requests, in one state if given. */
    Page<ApprovalRequest> page(Collection<String> teams, ApprovalState state, PageRequest request, String sort) {
        ListFilter filter = new ListFilter().and("state = :state", "state", state);
        return pageForTeams(teams, filter.condition(), filter.parameters(), request, SORT.hql(sort));
    }

    boolean hasOpenRequest(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.OPEN) > 0;
    }
}
