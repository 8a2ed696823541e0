package dev.temper.approval;

import dev.temper.approval.policy.Evidence;
import dev.temper.approval.policy.GateCheck;
import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.PolicyDecision;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class ApprovalService {

    private final ApprovalRepository requests;
    private final ModelRegistryService models;
    private final AuditLog audit;
    private final Event<VersionApproved> approved;
    private final GateCheck gates;

    ApprovalService(ApprovalRepository requests, ModelRegistryService models, AuditLog audit,
            Event<VersionApproved> approved, GateCheck gates) {
        this.requests = requests;
        this.models = models;
        this.audit = audit;
        this.approved = approved;
        this.gates = gates;
    }

    public ApprovalRequest request(CurrentUser user, long modelVersionId, String comment, String intendedUse) {
        user.requireRole(Roles.ML_ENGINEER, "request deployment approval");
        ModelVersion version = models.get(user, modelVersionId);
        if (requests.hasOpenRequest(version)) {
            throw alreadyOpen(user, version);
        }
        Optional<Evidence> evidence = gates.evidence(user, version);
        if (evidence.isEmpty()) {
            gates.missingEvaluation(user, version).ifPresent(reason -> {
                audit.recordRefusal(user.username(), version.team, AuditAction.APPROVAL_REQUEST, null, reason);
                throw ProblemException.conflict(reason);
            });
        }
        ApprovalRequest request = new ApprovalRequest();
        request.team = version.team;
        request.modelVersion = version;
        request.targetAlias = ModelAlias.PRODUCTION;
        request.state = ApprovalState.OPEN;
        request.requestedBy = user.username();
        request.requestedAt = Instant.now();
        request.requestComment = limit(comment);
        String statedUse = limit(intendedUse, "intendedUse", ApprovalRequest.INTENDED_USE_MAX_LENGTH);
        request.intendedUse = statedUse == null || statedUse.isEmpty() ? null : statedUse;
        evidence.ifPresent(e -> {
            request.evidenceJson = e.canonicalJson();
            request.evidenceSha256 = Evidence.sha256(request.evidenceJson);
            request.policyId = e.policyId();
        });
        if (!requests.insertOpen(request)) {
            throw alreadyOpen(user, version);
        }
        audit.record(user.username(), version.team, AuditAction.APPROVAL_REQUEST, request.id,
                version.label() + " -> " + request.targetAlias + evidence.map(e -> "; evidence sha256 "
                        + request.evidenceSha256 + (e.failing().isEmpty() ? "; all gates pass"
                        : "; failing gates: " + e.failingNames())).orElse("; no evaluation, no gate policy"));
        return request;
    }

    /**
     * Approves or rejects. The request's row is locked first, so of two decisions sent at once exactly one wins
     * and the other finds the request decided (409). A refusal is audited on its own (the change itself rolls
     * back); an approval moves the production alias and announces itself ({@link VersionApproved}) in the same
     * transaction, so what observers do (the model card is frozen) commits with the decision or not at all.
     */
    public ApprovalRequest decide(CurrentUser user, long requestId, boolean approve, String comment) {
        ApprovalRequest request = requests.lockForTeams(requestId, user.teams());
        if (request.state != ApprovalState.OPEN) {
            String reason = "The request is already " + request.state + (request.decidedBy == null ? ""
                    : " (by " + request.decidedBy + " at " + request.decidedAt + ")") + "; it is no longer open";
            audit.recordRefusal(user.username(), request.team, AuditAction.APPROVAL_DECIDE, request.id, reason);
            throw ProblemException.conflict(reason);
        }
        PolicyDecision decision = DecisionPolicy.check(user, request);
        if (!decision.allowed()) {
            audit.recordRefusal(user.username(), request.team, AuditAction.APPROVAL_DECIDE, request.id,
                    decision.reason());
            throw ProblemException.forbidden(decision.reason());
        }
        if (approve) {
            EvidenceCheck.blocking(request).ifPresent(reason -> {
                audit.recordRefusal(user.username(), request.team, AuditAction.APPROVAL_DECIDE, request.id, reason);
                throw ProblemException.conflict(reason);
            });
        }
        request.state = approve ? ApprovalState.APPROVED : ApprovalState.REJECTED;
        request.decidedBy = user.username();
        request.decidedAt = Instant.now();
        request.decisionComment = limit(comment);
        AuditAction action = approve ? AuditAction.APPROVAL_APPROVE : AuditAction.APPROVAL_REJECT;
        audit.record(user.username(), request.team, action, request.id,
                request.modelVersion.label() + ": " + request.decisionComment);
        if (approve) {
            models.moveAlias(user.username(), request.modelVersion, request.targetAlias);
            approved.fire(new VersionApproved(request));
        }
        return request;
    }

    /** One page of the user's teams' requests, in one state if given, sorted by {@code sort}. */
    // A transaction of its own, not SUPPORTS: lazy grids fetch their pages while a push is written, outside
    // any request, where only a transaction gives Hibernate a session.
    @Transactional
    public Page<ApprovalRequest> page(CurrentUser user, ApprovalState state, PageRequest request, String sort) {
        return requests.page(user.teams(), state, request, sort);
    }

    /** One page of a version's approval requests, newest first; for a version of another team, none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApprovalRequest> forVersion(CurrentUser user, long modelVersionId, PageRequest page) {
        return requests.pageForTeams(user.teams(), "modelVersion.id = :version", Map.of("version", modelVersionId),
                page, "id desc");
    }

    /** The newest of a version's requests that states an intended use (approved ones first), for its model card. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApprovalRequest> statedIntendedUse(ModelVersion version) {
        return requests.newestWithIntendedUse(version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApprovalRequest get(CurrentUser user, long id) {
        return requests.getForTeams(id, user.teams(), "Approval request");
    }

    private ProblemException alreadyOpen(CurrentUser user, ModelVersion version) {
        String reason = version.label() + " already has an open approval request";
        audit.recordRefusal(user.username(), version.team, AuditAction.APPROVAL_REQUEST, null, reason);
        return ProblemException.conflict(reason);
    }

    private static String limit(String comment) {
        return limit(comment, "comment", ApprovalRequest.COMMENT_MAX_LENGTH);
    }

    private static String limit(String text, String field, int maxLength) {
        if (text == null) {
            return null;
        }
        if (text.length() > maxLength) {
            throw ProblemException.badRequest(field + ": at most " + maxLength + " characters");
        }
        return text.strip();
    }
}
