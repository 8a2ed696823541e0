package dev.temper.audit;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class AuditAnchorRepository implements PanacheRepository<AuditAnchor> {

    long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('audit_anchor_id_seq')")
                .getSingleResult()).longValue();
    }

    Optional<AuditAnchor> latest() {
        return find("order by id desc").firstResultOptional();
    }

    /** Newest first. */
    Page<AuditAnchor> page(PageRequest request) {
        return Page.of(find("order by id desc").range((int) request.offset(),
                (int) request.offset() + request.size() - 1).list(), request, count());
    }
}
