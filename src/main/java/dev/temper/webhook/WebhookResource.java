package dev.temper.webhook;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A team's webhooks (its admins only); see docs/approvals.md, "Webhooks". */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/webhooks")
public class WebhookResource {

    public record NewWebhook(@Size(max = 64) String team, @NotNull String url,
            @NotNull @Size(min = 1, max = 16) List<String> events) {
    }

    /** A webhook as listed: never with its secret. */
    public record WebhookDto(long id, String team, String url, List<String> events, String createdBy,
            Instant createdAt) {

        static WebhookDto of(Webhook w) {
            return new WebhookDto(w.id, w.team, w.url, w.events().stream().map(WebhookEvent::wireName).toList(),
                    w.createdBy, w.createdAt);
        }
    }

    /** The answer to a registration, the only one that carries the secret: keep it, it is not shown again. */
    public record CreatedWebhook(long id, String team, String url, List<String> events, String createdBy,
            Instant createdAt, String secret) {
    }

    public record AttemptDto(int number, Instant attemptedAt, Integer statusCode, String error, long durationMillis) {

        static AttemptDto of(WebhookAttempt a) {
            return new AttemptDto(a.number, a.attemptedAt, a.statusCode, a.error, a.durationMillis);
        }
    }

    /** @param nextAttemptAt when it is tried next; null once delivered or given up */
    public record DeliveryDto(long id, String event, DeliveryState state, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant finishedAt, String payload, List<AttemptDto> attemptLog) {

        static DeliveryDto of(WebhookDelivery d, List<WebhookAttempt> attempts) {
            return new DeliveryDto(d.id, d.event, d.state, d.attempts, d.createdAt,
                    d.state == DeliveryState.PENDING ? d.nextAttemptAt : null, d.finishedAt, d.payload,
                    attempts.stream().map(AttemptDto::of).toList());
        }
    }

    private final WebhookService service;
    private final CurrentUserProvider users;

    WebhookResource(WebhookService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** Admins only, decided before the body is read; which teams' admin the service checks once it is. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid NewWebhook request) {
        Webhook w = service.create(users.get(), new WebhookService.Registration(request.team(), request.url(),
                request.events()));
        WebhookDto listed = WebhookDto.of(w);
        return Response.created(URI.create("/api/webhooks/" + w.id)).entity(new CreatedWebhook(listed.id(),
                listed.team(), listed.url(), listed.events(), listed.createdBy(), listed.createdAt(), w.secret))
                .build();
    }

    /** A page of the webhooks of {@code team} (or of all the admin's teams), newest first unless sorted. */
    @GET
    public Page<WebhookDto> list(@BeanParam PageParameters paging, @QueryParam("team") String team) {
        return service.page(users.get(), team, paging.request(), paging.sort()).map(WebhookDto::of);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        service.delete(users.get(), id);
        return Response.noContent().build();
    }

    /** A page of the webhook's deliveries, newest first, each with its attempts. */
    @GET
    @Path("/{id}/deliveries")
    public Page<DeliveryDto> deliveries(@PathParam("id") long id, @BeanParam PageParameters paging) {
        Page<WebhookDelivery> page = service.deliveries(users.get(), id, paging.request());
        Map<Long, List<WebhookAttempt>> attempts = service.attemptsOf(page.items());
        return page.map(d -> DeliveryDto.of(d, attempts.getOrDefault(d.id, List.of())));
    }
}
