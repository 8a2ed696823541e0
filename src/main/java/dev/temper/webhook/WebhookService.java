package dev.temper.webhook;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team's webhooks, managed by the admins of the team only. Another team's webhook (or team) is answered as not
 * found; a member who is no admin is refused (403), and so is a URL that breaks the target rules (400): both are
 * audited, as are registrations and deletions. The secret is never read back here after creation.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookConfig config;
    private final AuditLog audit;

    WebhookService(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WebhookAttemptRepository attempts,
            WebhookConfig config, AuditLog audit) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.config = config;
        this.audit = audit;
    }

    /** What an admin asks for; the events by their wire names. */
    public record Registration(String team, String url, List<String> events) {
    }

    /** Registers a webhook with a new secret, which the caller sees in {@code secret} this once. */
    public Webhook create(CurrentUser user, Registration registration) {
        String team = teamOf(user, registration.team());
        requireAdmin(user, team, AuditAction.WEBHOOK_CREATE, null);
        Set<WebhookEvent> events = events(registration.events());
        URI target;
        try {
            target = WebhookTarget.check(registration.url(), config.allowPrivateTargets(), WebhookTarget.DNS);
        } catch (ProblemException refused) {
            // A refused target may be a probe of the server's network: it leaves a trace like any refusal.
            audit.recordRefusal(user.username(), team, AuditAction.WEBHOOK_CREATE, null, refused.detail());
            throw refused;
        }
        if (webhooks.countOfTeam(team) >= Webhook.MAX_PER_TEAM) {
            String reason = "Team " + team + " has " + Webhook.MAX_PER_TEAM + " webhooks, the most it may have; "
                    + "delete one first";
            audit.recordRefusal(user.username(), team, AuditAction.WEBHOOK_CREATE, null, reason);
            throw ProblemException.conflict(reason);
        }
        Webhook webhook = new Webhook();
        webhook.team = team;
        webhook.url = target.toString();
        webhook.setEvents(events);
        webhook.secret = WebhookSignature.newSecret();
        webhook.createdBy = user.username();
        webhook.createdAt = Instant.now();
        webhooks.persist(webhook);
        // The origin only: a URL's path or query can itself be a credential (chat services' incoming hooks).
        audit.record(user.username(), team, AuditAction.WEBHOOK_CREATE, webhook.id, "webhook to "
                + origin(target) + " for " + events.stream().map(WebhookEvent::wireName)
                .collect(Collectors.joining(", ")));
        return webhook;
    }

    /**
     * One page of the webhooks of {@code team}, or of all the admin's teams when none is named; newest first unless
     * sorted by {@code created} or {@code team}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Webhook> page(CurrentUser user, String team, PageRequest page, String sort) {
        // Another team is not found before anything else, as for another team's webhook id.
        List<String> teams = team == null || team.isBlank() ? List.copyOf(user.teams()) : List.of(member(user, team));
        if (!user.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only an admin of a team may see its webhooks");
        }
        return webhooks.pageForTeams(teams, null, Map.of(), page, WebhookRepository.SORT.hql(sort));
    }

    public void delete(CurrentUser user, long id) {
        Webhook webhook = webhooks.getForTeams(id, user.teams(), "Webhook");
        requireAdmin(user, webhook.team, AuditAction.WEBHOOK_DELETE, id);
        webhooks.delete(webhook);
        audit.record(user.username(), webhook.team, AuditAction.WEBHOOK_DELETE, id, "webhook to "
                + origin(URI.create(webhook.url)) + "; its deliveries went with it");
    }

    /** One page of a webhook's deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(CurrentUser user, long webhookId, PageRequest page) {
        Webhook webhook = webhooks.getForTeams(webhookId, user.teams(), "Webhook");
        if (!user.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only an admin of team " + webhook.team + " may see its webhooks");
        }
        return deliveries.page(webhook, page);
    }

    /** The attempts of these deliveries (one page of a list), by delivery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<WebhookAttempt>> attemptsOf(List<WebhookDelivery> page) {
        return attempts.forDeliveries(page.stream().map(d -> d.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.delivery.id));
    }

    private static String teamOf(CurrentUser user, String requested) {
        if (requested == null || requested.isBlank()) {
            if (user.teams().size() == 1) {
                return user.teams().first();
            }
            throw ProblemException.badRequest("team: say which of your teams the webhook belongs to");
        }
        return member(user, requested);
    }

    /** The team if the user belongs to it; another team is answered as not found, like another team's id. */
    private static String member(CurrentUser user, String team) {
        if (!user.isMemberOf(team)) {
            throw ProblemException.notFound("Team", team);
        }
        return team;
    }

    private void requireAdmin(CurrentUser user, String team, AuditAction attempted, Long id) {
        if (!user.hasRole(Roles.ADMIN)) {
            String reason = "Only an admin of team " + team + " may manage its webhooks";
            audit.recordRefusal(user.username(), team, attempted, id, reason);
            throw ProblemException.forbidden(reason);
        }
    }

    private static Set<WebhookEvent> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.badRequest("events: name at least one event");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        names.forEach(name -> events.add(WebhookEvent.named(name)));
        return events;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
