package dev.temper.audit;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reading the trail: admins only, limited to their teams (plus entries that belong to no team). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * One page of the trail, newest first unless sorted by {@code time}. A transaction of its own: the lazy grid
     * may fetch while a push is written, outside any request.
     */
    @Transactional
    public Page<AuditEntry> page(CurrentUser user, PageRequest request, String sort) {
        user.requireRole(Roles.ADMIN, "read the audit trail");
        return repository.page(user.teams(), request, sort);
    }

    /** Recomputes the chain; false if any stored entry was altered or removed. */
    public boolean verifyChain(CurrentUser user) {
        user.requireRole(Roles.ADMIN, "verify the audit trail");
        String previous = AuditChain.GENESIS;
        for (AuditEntry entry : repository.oldestFirst()) {
            if (!entry.prevHash.equals(previous) || !entry.hash.equals(AuditChain.hash(entry))) {
                return false;
            }
            previous = entry.hash;
        }
        return true;
    }
}
