package dev.temper.audit;

import dev.temper.audit.AuditAnchorService.AnchorRecord;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;

@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/audit")
public class AuditResource {

    public record AuditEntryDto(long id, long seq, Instant occurredAt, String actor, String team, String action,
            String objectType, String objectId, String outcome, String details, String prevHash, String hash) {

        static AuditEntryDto of(AuditEntry e) {
            return new AuditEntryDto(e.id, e.seq, e.occurredAt, e.actor, e.team, e.action, e.objectType,
                    e.objectId, e.outcome, e.details, e.prevHash, e.hash);
        }
    }

    public record AnchorDto(long id, Instant anchoredAt, String anchoredBy, long lastSeq, String lastHash,
            long entryCount, String artifactKey) {

        static AnchorDto of(AuditAnchor a) {
            return new AnchorDto(a.id, a.anchoredAt, a.anchoredBy, a.lastSeq, a.lastHash, a.entryCount,
                    a.artifactKey);
        }
    }

    /** The list's and the exports' filters, all optional; times are ISO-8601 instants, {@code to} exclusive. */
    public static class FilterParameters {
        @QueryParam("actor") String actor;
        @QueryParam("team") String team;
        @QueryParam("action") String action;
        @QueryParam("objectType") String objectType;
        @QueryParam("objectId") String objectId;
        @QueryParam("from") String from;
        @QueryParam("to") String to;

        AuditFilter filter() {
            return new AuditFilter(actor, team, action, objectType, objectId, AuditFilter.instant("from", from),
                    AuditFilter.instant("to", to));
        }
    }

    private final AuditService service;
    private final AuditAnchorService anchors;
    private final AuditExport export;
    private final CurrentUserProvider users;

    AuditResource(AuditService service, AuditAnchorService anchors, AuditExport export, CurrentUserProvider users) {
        this.service = service;
        this.anchors = anchors;
        this.export = export;
        this.users = users;
    }

    /** A page of the trail (admins, every team), newest first unless sorted by {@code time}. */
    @GET
    public Page<AuditEntryDto> list(@BeanParam PageParameters paging, @BeanParam FilterParameters filters) {
        return service.page(users.get(), filters.filter(), paging.request(), paging.sort()).map(AuditEntryDto::of);
    }

    /** Every entry that matches the filters, oldest first, one JSON object per line, streamed. */
    @GET
    @Path("/export.jsonl")
    @Produces("application/x-ndjson")
    public Response exportJsonLines(@BeanParam FilterParameters filters) {
        return download(export.jsonLines(users.get(), filters.filter()), "audit.jsonl");
    }

    /** Every entry that matches the filters, oldest first, as CSV with a header row, streamed. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response exportCsv(@BeanParam FilterParameters filters) {
        return download(export.csv(users.get(), filters.filter()), "audit.csv");
    }

    @GET
    @Path("/verification")
    public ChainVerification verify() {
        return service.verifyChain(users.get());
    }

    @GET
    @Path("/anchors")
    public Page<AnchorDto> anchors(@BeanParam PageParameters paging) {
        return anchors.page(users.get(), paging.request()).map(AnchorDto::of);
    }

    /** Anchors the chain's head now. */
    @POST
    @Path("/anchors")
    public Response anchor() {
        return Response.status(Response.Status.CREATED).entity(AnchorDto.of(anchors.anchorNow(users.get()))).build();
    }

    /** The anchor as the artifact store holds it, to keep a copy outside Temper. */
    @GET
    @Path("/anchors/{id}/artifact")
    @Produces(MediaType.APPLICATION_JSON)
    public Response anchorArtifact(@PathParam("id") long id) {
        AnchorRecord stored = anchors.stored(users.get(), id);
        return Response.ok(stored).header("Content-Disposition", "attachment; filename=\"audit-anchor-" + id
                + ".json\"").build();
    }

    private static Response download(StreamingOutput body, String filename) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
