package dev.temper.webhook;

import dev.temper.base.paging.SortOrder;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class WebhookRepository implements TeamOwnedRepository<Webhook> {

    /** The list's sort names: when created (newest first by default) or by team. */
    static final SortOrder SORT = new SortOrder(Map.of("created", "createdAt", "team", "team"), "createdAt desc",
            "id desc");

    @Override
    public String listOrder() {
        return "id desc";
    }

    /** The team's webhooks, for fanning an event out; at most {@link Webhook#MAX_PER_TEAM}. */
    List<Webhook> ofTeam(String team) {
        return list("team = ?1 order by id", team);
    }

    long countOfTeam(String team) {
        return count("team", team);
    }
}
