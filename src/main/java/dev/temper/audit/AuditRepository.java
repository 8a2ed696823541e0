package dev.temper.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Serialises appends so that every entry links to the one before it. */
    void lockChain() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(7301)").getSingleResult();
    }

    String lastHash() {
        return find("order by id desc").firstResultOptional().map(e -> e.hash).orElse(AuditChain.GENESIS);
    }

    List<AuditEntry> newestFirst(Set<String> teams, int pageIndex, int pageSize) {
        return find("team in ?1 or team is null order by id desc", teams).page(Page.of(pageIndex, pageSize)).list();
    }

    List<AuditEntry> oldestFirst() {
        return find("order by id").list();
    }
}
