package dev.temper.approval;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import dev.temper.base.problem.ProblemException;
import dev.temper.registry.ModelVersion;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class ApprovalRepository implements TeamOwnedRepository<ApprovalRequest> {

    /** The partial unique index of migration V14: one open request per model version. */
    private static final String ONE_OPEN_INDEX = "approval_request_one_open";

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

    /** Whether the version was approved before: requesting it again while another is in production rolls back. */
    boolean wasApproved(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.APPROVED) > 0;
    }

    boolean hasOpenRequest(ModelVersion version) {
        return count("modelVersion = ?1 and state = ?2", version, ApprovalState.OPEN) > 0;
    }

    /**
     * Inserts an open request now rather than at commit, so that a second one for the same version sent at the
     * same moment meets the unique index here: it waits for the first to commit, then fails.
     *
     * @return false if another open request for the version was there first (nothing was written)
     */
    boolean insertOpen(ApprovalRequest request) {
        try {
            persist(request);
            flush();
            return true;
        } catch (PersistenceException e) {
            if (violates(e, ONE_OPEN_INDEX)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the failure, or one of its causes (Hibernate may wrap it), violates that constraint. */
    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request of one of these teams, locked until the transaction ends: a second decision on it waits here
     * and then sees the first one's outcome. Another team's request is not found, as everywhere.
     */
    ApprovalRequest lockForTeams(long id, Collection<String> teams) {
        return find("id = ?1 and team in ?2", id, teams).withLock(LockModeType.PESSIMISTIC_WRITE)
                .<ApprovalRequest>firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Approval request", id));
    }

    Optional<ApprovalRequest> newestStatement(ModelVersion version) {
        return find("modelVersion = ?1 and (intendedUse is not null or caveats is not null)"
                + " order by case when state = ?2 then 0 else 1 end, id desc", version, ApprovalState.APPROVED)
                .firstResultOptional();
    }

    /** Ids of open requests whose expiry is at or before {@code now}, oldest expiry first. */
    List<Long> openExpiredBy(Instant now) {
        return getEntityManager().createQuery("select r.id from ApprovalRequest r where r.state = :open"
                        + " and r.expiresAt <= :now order by r.expiresAt, r.id", Long.class)
                .setParameter("open", ApprovalState.OPEN).setParameter("now", now).getResultList();
    }

    /** A request of any team, locked until the transaction ends (for Temper's own work, never a user's). */
    ApprovalRequest lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
