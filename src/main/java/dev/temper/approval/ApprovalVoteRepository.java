package dev.temper.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ApprovalVoteRepository implements PanacheRepository<ApprovalVote> {

    /** A request's votes in the order they were cast. */
    public List<ApprovalVote> forRequest(ApprovalRequest request) {
        return list("request = ?1 order by id", request);
    }

    /** The votes of these requests (one page of a list), in the order they were cast. */
    public List<ApprovalVote> forRequests(Collection<Long> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("request.id in ?1 order by id", requestIds);
    }

    long approvals(ApprovalRequest request) {
        return count("request = ?1 and approve = true", request);
    }

    boolean hasVoted(ApprovalRequest request, String reviewer) {
        return count("request = ?1 and reviewer = ?2", request, reviewer) > 0;
    }
}
