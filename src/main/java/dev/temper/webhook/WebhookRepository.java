package dev.temper.webhook;

import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class WebhookRepository implements TeamOwnedRepository<Webhook> {

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
