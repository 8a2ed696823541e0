package dev.temper.audit;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Sorted by time (newest first by default), backed by the (team, occurred_at) index (V10). */
    static final SortOrder SORT = new SortOrder(Map.of("time", "occurredAt"), "occurredAt desc", "id desc");

    /** Serialises appends so that every entry links to the one before it. */
    void lockChain() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7301)").getSingleResult();
    }

    String lastHash() {
        return find("order by id desc").firstResultOptional().map(e -> e.hash).orElse(AuditChain.GENESIS);
    }

    /** One page of the entries of these teams and of those that belong to no team (sign-ins, quotas). */
    Page<AuditEntry> page(Collection<String> teams, PageRequest request, String sort) {
        String where = teams.isEmpty() ? "team is null" : "team in :teams or team is null";
        Map<String, Object> parameters = teams.isEmpty() ? Map.of() : Map.of("teams", teams);
        List<AuditEntry> items = find(where + " order by " + SORT.hql(sort), parameters)
                .range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        return Page.of(items, request, count(where, parameters));
    }

    List<AuditEntry> oldestFirst() {
        return find("order by id").list();
    }
}
