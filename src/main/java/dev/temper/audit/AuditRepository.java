package dev.temper.audit;

import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.paging.SortOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Sorted by time (newest first by default), backed by the occurred_at indexes (V10, V15). */
    static final SortOrder SORT = new SortOrder(java.util.Map.of("time", "occurredAt"), "occurredAt desc",
            "id desc");

    /** Serialises appends (and anchoring) so that every entry links to the one before it. */
    void lockChain() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7301)").getSingleResult();
    }

    /** The entry with the highest sequence number, the chain's head. */
    Optional<AuditEntry> head() {
        return find("order by seq desc").firstResultOptional();
    }

    /** An id from the table's own sequence, drawn before the insert because the hash covers it. */
    long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('audit_entry_id_seq')")
                .getSingleResult()).longValue();
    }

    /** One page of the entries that match the filter, all teams (only admins read the trail). */
    Page<AuditEntry> page(AuditFilter filter, PageRequest request, String sort) {
        ListFilter conditions = filter.conditions();
        String where = conditions.condition() == null ? "" : conditions.condition();
        List<AuditEntry> items = find(where + " order by " + SORT.hql(sort), conditions.parameters())
                .range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        long total = where.isEmpty() ? count() : count(where, conditions.parameters());
        return Page.of(items, request, total);
    }

    /** A slice of the filtered entries in id order after {@code afterId}, for streaming exports. */
    List<AuditEntry> exportBatch(AuditFilter filter, long afterId, int size) {
        ListFilter conditions = filter.conditions().and("id > :afterId", "afterId", afterId);
        return find(conditions.condition() + " order by id", conditions.parameters()).page(0, size).list();
    }

    /** A slice of the chain in sequence order after {@code afterSeq}, for verification. */
    List<AuditEntry> chainBatch(long afterSeq, int size) {
        return find("seq > ?1 order by seq, id", afterSeq).page(0, size).list();
    }

    /** Lets go of an entry read in a batch, so that reading a long trail keeps memory flat. */
    void forget(AuditEntry entry) {
        getEntityManager().detach(entry);
    }

    /** The entry at this position, if any (several if the table was tampered with; the first by id). */
    Optional<AuditEntry> atSeq(long seq) {
        return find("seq = ?1 order by id", seq).firstResultOptional();
    }
}
