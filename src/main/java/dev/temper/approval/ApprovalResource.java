package dev.temper.approval;

import dev.temper.approval.policy.Evidence;
import dev.temper.approval.policy.Gate;
import dev.temper.approval.policy.GateEvaluation;
import dev.temper.approval.policy.Regression;
import dev.temper.base.paging.ListFilter;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/approvals")
public class ApprovalResource {

    public record NewRequest(@NotNull Long modelVersionId,
            @Size(max = ApprovalRequest.COMMENT_MAX_LENGTH) String comment,
            @Size(max = ApprovalRequest.INTENDED_USE_MAX_LENGTH) String intendedUse,
            @Size(max = ApprovalRequest.CAVEATS_MAX_LENGTH) String caveats) {
    }

    public record Decision(@NotNull Boolean approve, @Size(max = ApprovalRequest.COMMENT_MAX_LENGTH) String comment) {
    }

    public record Withdrawal(@Size(max = ApprovalRequest.COMMENT_MAX_LENGTH) String comment) {
    }

    public record VoteDto(String reviewer, boolean approve, String comment, Instant votedAt) {

        static VoteDto of(ApprovalVote v) {
            return new VoteDto(v.reviewer, v.approve, v.comment, v.votedAt);
        }
    }

    /**
     * A request with its votes; {@code approvals} counts the approving ones against {@code requiredApprovals}.
     *
     * @param rollbackFromVersionId the production version a rollback replaces (null: not a rollback)
     * @param rollback              "rollback from iris v3 to iris v2"; null when not a rollback
     */
    public record ApprovalDto(long id, String team, long modelVersionId, String modelVersion, String targetAlias,
            ApprovalState state, String requestedBy, Instant requestedAt, String requestComment, String intendedUse,
            String caveats, int requiredApprovals, long approvals, List<VoteDto> votes, Instant expiresAt,
            String decidedBy, Instant decidedAt, String decisionComment, EvidenceDto evidence,
            Long rollbackFromVersionId, String rollback) {

        static ApprovalDto of(ApprovalRequest r, List<ApprovalVote> votes) {
            List<VoteDto> cast = votes.stream().map(VoteDto::of).toList();
            return new ApprovalDto(r.id, r.team, r.modelVersion.id, r.modelVersion.label(), r.targetAlias, r.state,
                    r.requestedBy, r.requestedAt, r.requestComment, r.intendedUse, r.caveats, r.requiredApprovals,
                    cast.stream().filter(VoteDto::approve).count(), cast, r.expiresAt, r.decidedBy, r.decidedAt,
                    r.decisionComment, EvidenceCheck.of(r).map(c -> EvidenceDto.of(r, c)).orElse(null),
                    r.rollbackFrom == null ? null : r.rollbackFrom.id,
                    r.rollbackFrom == null ? null : r.rollbackText());
        }
    }

    /**
     * The evidence the request was made with, checked against its recorded SHA-256 on this read.
     *
     * @param intact     false when the stored evidence no longer hashes to {@code sha256}: nothing else here is
     *                   then to be believed, and the request cannot be approved
     * @param resultLink the page of the evaluation the gates measured
     */
    public record EvidenceDto(String sha256, boolean intact, Long policyId, Integer policyVersion, Long evaluationId,
            String resultLink, Regression regression, List<Gate> gates, List<String> failingGates) {

        static EvidenceDto of(ApprovalRequest r, EvidenceCheck check) {
            Evidence e = check.evidence();
            if (e == null) {
                return new EvidenceDto(r.evidenceSha256, false, r.policyId, null, null, null, null, List.of(),
                        List.of());
            }
            return new EvidenceDto(r.evidenceSha256, check.intact(), e.policyId(), e.policyVersion(),
                    e.evaluationId(), GateEvaluation.resultLink(e.evaluationId()), e.regression(), e.gates(),
                    e.failing().stream().map(Gate::name).toList());
        }
    }

    private final ApprovalService service;
    private final CurrentUserProvider users;

    ApprovalResource(ApprovalService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    @POST
    public Response request(@NotNull @Valid NewRequest request) {
        ApprovalDto created = ApprovalDto.of(service.request(users.get(), request.modelVersionId(),
                new ApprovalService.Statement(request.comment(), request.intendedUse(), request.caveats())), List.of());
        return Response.created(URI.create("/api/approvals/" + created.id())).entity(created).build();
    }

    /** A page of requests, newest first unless sorted by {@code requested} or {@code state}, which also narrows it. */
    @GET
    public Page<ApprovalDto> list(@BeanParam PageParameters paging, @QueryParam("state") String state) {
        Page<ApprovalRequest> requests = service.page(users.get(),
                ListFilter.enumValue(ApprovalState.class, "state", state), paging.request(), paging.sort());
        Map<Long, List<ApprovalVote>> votes = service.votesOf(requests.items());
        return requests.map(r -> ApprovalDto.of(r, votes.getOrDefault(r.id, List.of())));
    }

    @GET
    @Path("/{id}")
    public ApprovalDto get(@PathParam("id") long id) {
        return withVotes(service.get(users.get(), id));
    }

    /** One reviewer's approval or rejection; the request is decided when its policy's approvals are in. */
    @POST
    @Path("/{id}/decision")
    public ApprovalDto decide(@PathParam("id") long id, @NotNull @Valid Decision decision) {
        return withVotes(service.decide(users.get(), id, decision.approve(), decision.comment()));
    }

    @POST
    @Path("/{id}/withdrawal")
    public ApprovalDto withdraw(@PathParam("id") long id, @Valid Withdrawal withdrawal) {
        return withVotes(service.withdraw(users.get(), id, withdrawal == null ? null : withdrawal.comment()));
    }

    private ApprovalDto withVotes(ApprovalRequest request) {
        return ApprovalDto.of(request, service.votes(request));
    }
}
