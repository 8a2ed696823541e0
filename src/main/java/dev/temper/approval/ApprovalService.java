package dev.temper.approval;

import dev.temper.approval.policy.Evidence;
import dev.temper.approval.policy.GateCheck;
import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.PlainText;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class ApprovalService {

    /** The actor of what Temper does by itself (expiring requests), never a person. */
    public static final String SYSTEM_ACTOR = "temper";

    private final ApprovalRepository requests;
    private final ModelRegistryService models;
    private final AuditLog audit;
    private final Event<VersionApproved> approved;
    private final Event<RequestDecided> decided;
    private final ApprovalVoteRepository votes;
    private final ApprovalRules rules;
    private final GateCheck gates;

    ApprovalService(ApprovalRepository requests, ModelRegistryService models, AuditLog audit,
            Event<VersionApproved> approved, Event<RequestDecided> decided, ApprovalVoteRepository votes,
            ApprovalRules rules, GateCheck gates) {
        this.requests = requests;
        this.models = models;
        this.audit = audit;
        this.approved = approved;
        this.decided = decided;
        this.votes = votes;
        this.rules = rules;
        this.gates = gates;
    }

    /** What the requester states for the model card, beside the comment for the reviewers. */
    public record Statement(String comment, String intendedUse, String caveats) {
    }

    public ApprovalRequest request(CurrentUser user, long modelVersionId, Statement statement) {
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
        request.rollbackFrom = rollingBackFrom(version).orElse(null);
        request.state = ApprovalState.OPEN;
        request.requestedBy = user.username();
        request.requestedAt = Instant.now();
        request.requestComment = limit(statement.comment());
        request.intendedUse = blankToNull(limit(statement.intendedUse(), "intendedUse",
                ApprovalRequest.INTENDED_USE_MAX_LENGTH));
        request.caveats = blankToNull(limit(statement.caveats(), "caveats", ApprovalRequest.CAVEATS_MAX_LENGTH));
        // The policy in force when asked governs the request, so a later policy change cannot move its goalposts.
        request.requiredApprovals = boundedApprovals(rules.requiredApprovals(version.team));
        request.expiresAt = rules.requestLifetime(version.team).map(request.requestedAt::plus).orElse(null);
        evidence.ifPresent(e -> {
            request.evidenceJson = e.canonicalJson();
            request.evidenceSha256 = Evidence.sha256(request.evidenceJson);
            request.policyId = e.policyId();
        });
        if (!requests.insertOpen(request)) {
            throw alreadyOpen(user, version);
        }
        audit.record(user.username(), version.team, AuditAction.APPROVAL_REQUEST, request.id,
                version.label() + " -> " + request.targetAlias
                        + (request.rollbackFrom == null ? "" : " (" + request.rollbackText() + ")")
                        + "; approvals required: " + request.requiredApprovals
                        + (request.expiresAt == null ? "" : "; expires " + request.expiresAt)
                        + evidence.map(e -> "; evidence sha256 " + request.evidenceSha256 + (e.failing().isEmpty()
                        ? "; all gates pass" : "; failing gates: " + e.failingNames()))
                        .orElse("; no evaluation, no gate policy"));
        return request;
    }

    /**
     * A reviewer's approval or rejection. The request's row is locked first, so votes on one request are counted
     * one at a time: of two sent at once for the last approval, exactly one completes the request and the other
     * finds it decided (409). A rejection decides at once; approvals decide when they reach the number the
     * policy asked for at request time. A refusal is audited on its own (the change itself rolls back); the
     * completing approval moves the production alias and announces itself ({@link VersionApproved}) in the same
     * transaction, so what observers do (the model card is frozen) commits with the decision or not at all.
     */
    public ApprovalRequest decide(CurrentUser user, long requestId, boolean approve, String comment) {
        ApprovalRequest request = requests.lockForTeams(requestId, user.teams());
        requireOpen(user, request, AuditAction.APPROVAL_DECIDE);
        PolicyDecision decision = DecisionPolicy.check(user, request, approve, rules.separatesDuties(request.team));
        if (!decision.allowed()) {
            audit.recordRefusal(user.username(), request.team, AuditAction.APPROVAL_DECIDE, request.id,
                    decision.reason());
            throw ProblemException.forbidden(decision.reason());
        }
        if (approve) {
            EvidenceCheck.blocking(request).ifPresent(reason -> {
                throw refuse(user, request, AuditAction.APPROVAL_DECIDE, reason);
            });
        }
        if (votes.hasVoted(request, user.username())) {
            throw refuse(user, request, AuditAction.APPROVAL_DECIDE, "You already voted on request #" + request.id
                    + "; another reviewer must add the next approval");
        }
        ApprovalVote vote = castVote(user, request, approve, comment);
        if (!approve) {
            close(request, ApprovalState.REJECTED, user.username(), vote.comment);
            audit.record(user.username(), request.team, AuditAction.APPROVAL_REJECT, request.id,
                    request.modelVersion.label() + ": " + vote.comment);
            decided.fire(new RequestDecided(request));
            return request;
        }
        long approvals = votes.approvals(request);
        String tally = "approval " + approvals + " of " + request.requiredApprovals;
        if (approvals < request.requiredApprovals) {
            audit.record(user.username(), request.team, AuditAction.APPROVAL_VOTE, request.id,
                    request.modelVersion.label() + ": " + tally + ": " + vote.comment);
            return request;
        }
        close(request, ApprovalState.APPROVED, user.username(), vote.comment);
        audit.record(user.username(), request.team, AuditAction.APPROVAL_APPROVE, request.id,
                request.modelVersion.label() + (request.rollbackFrom == null ? "" : " (" + request.rollbackText() + ")")
                        + ": " + tally + ": " + vote.comment);
        models.moveAlias(user.username(), request.modelVersion, request.targetAlias);
        approved.fire(new VersionApproved(request));
        decided.fire(new RequestDecided(request));
        return request;
    }

    /** The requester (or an admin of the team) takes an open request back; nothing moves. */
    public ApprovalRequest withdraw(CurrentUser user, long requestId, String comment) {
        ApprovalRequest request = requests.lockForTeams(requestId, user.teams());
        requireOpen(user, request, AuditAction.APPROVAL_WITHDRAW);
        if (!user.username().equals(request.requestedBy) && !user.hasRole(Roles.ADMIN)) {
            String reason = "Only the requester (" + request.requestedBy + ") or an admin may withdraw request #"
                    + request.id;
            audit.recordRefusal(user.username(), request.team, AuditAction.APPROVAL_WITHDRAW, request.id, reason);
            throw ProblemException.forbidden(reason);
        }
        close(request, ApprovalState.WITHDRAWN, user.username(), limit(comment));
        audit.record(user.username(), request.team, AuditAction.APPROVAL_WITHDRAW, request.id,
                request.modelVersion.label() + ": " + request.decisionComment);
        decided.fire(new RequestDecided(request));
        return request;
    }

    /**
     * Marks open requests past their expiry as EXPIRED, each under its row lock (a decision that got the lock
     * first wins; one that comes after finds the request expired).
     *
     * @return how many requests expired
     */
    public int expireDue(Instant now) {
        int expired = 0;
        for (long id : requests.openExpiredBy(now)) {
            ApprovalRequest request = requests.lock(id);
            if (request.isExpiredAt(now)) {
                close(request, ApprovalState.EXPIRED, SYSTEM_ACTOR, "Expired at " + request.expiresAt
                        + " with " + votes.approvals(request) + " of " + request.requiredApprovals + " approvals");
                audit.record(SYSTEM_ACTOR, request.team, AuditAction.APPROVAL_EXPIRE, request.id,
                        request.modelVersion.label() + ": " + request.decisionComment);
                decided.fire(new RequestDecided(request));
                expired++;
            }
        }
        return expired;
    }

    /** The votes cast on these requests (one page of a list), by request. */
    // A transaction of its own, like page(): the approvals grid reads votes with each page it fetches.
    @Transactional
    public Map<Long, List<ApprovalVote>> votesOf(List<ApprovalRequest> page) {
        return votes.forRequests(page.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(v -> v.request.id));
    }

    /** The votes cast on a request, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApprovalVote> votes(ApprovalRequest request) {
        return votes.forRequest(request);
    }

    private void requireOpen(CurrentUser user, ApprovalRequest request, AuditAction attempted) {
        if (request.isExpiredAt(Instant.now())) {
            throw refuse(user, request, attempted, "The request expired at " + request.expiresAt
                    + "; it is no longer open");
        }
        if (request.state != ApprovalState.OPEN) {
            throw refuse(user, request, attempted, "The request is already " + request.state
                    + (request.decidedBy == null ? "" : " (by " + request.decidedBy + " at " + request.decidedAt + ")")
                    + "; it is no longer open");
        }
    }

    private ProblemException refuse(CurrentUser user, ApprovalRequest request, AuditAction attempted, String reason) {
        audit.recordRefusal(user.username(), request.team, attempted, request.id, reason);
        return ProblemException.conflict(reason);
    }

    private ApprovalVote castVote(CurrentUser user, ApprovalRequest request, boolean approve, String comment) {
        ApprovalVote vote = new ApprovalVote();
        vote.request = request;
        vote.reviewer = user.username();
        vote.approve = approve;
        vote.comment = limit(comment);
        vote.votedAt = Instant.now();
        votes.persist(vote);
        votes.flush();
        return vote;
    }

    private static void close(ApprovalRequest request, ApprovalState state, String by, String comment) {
        request.state = state;
        request.decidedBy = by;
        request.decidedAt = Instant.now();
        request.decisionComment = comment;
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

    /**
     * The newest of a version's requests that states an intended use or caveats (approved ones first), for its
     * model card.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApprovalRequest> newestStatement(ModelVersion version) {
        return requests.newestStatement(version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApprovalRequest get(CurrentUser user, long id) {
        return requests.getForTeams(id, user.teams(), "Approval request");
    }

    /**
     * The production version a request for {@code version} would roll back from: production's, when it is another
     * version and the requested one was approved before. A rollback is otherwise an ordinary request: the same
     * gates (measured against the production version it replaces), evidence and votes.
     */
    private Optional<ModelVersion> rollingBackFrom(ModelVersion version) {
        return models.alias(version.team, ModelAlias.PRODUCTION).map(alias -> alias.modelVersion)
                .filter(production -> !production.id.equals(version.id))
                .filter(production -> requests.wasApproved(version));
    }

    private ProblemException alreadyOpen(CurrentUser user, ModelVersion version) {
        String reason = version.label() + " already has an open approval request";
        audit.recordRefusal(user.username(), version.team, AuditAction.APPROVAL_REQUEST, null, reason);
        return ProblemException.conflict(reason);
    }

    private static int boundedApprovals(int required) {
        if (required < 1 || required > 3) {
            throw new IllegalStateException("A policy asks for " + required + " approvals; 1 to 3 are allowed");
        }
        return required;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
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
        return PlainText.requireText(text.strip(), field);
    }
}
