package dev.temper.modelcard;

import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.ApprovalService;
import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.Sha256;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.EvaluationResult;
import dev.temper.evaluation.ModelEvaluations;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Model cards from the records: rendered live for a version not yet approved, frozen at approval (in the
 * decision's transaction) for an approved one, and checked against the frozen hash on every read.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ModelCardService {

    /** Evaluations a card lists in full, the newest first; it counts the rest. */
    static final int MAX_EVALUATIONS = 20;

    private final ModelRegistryService models;
    private final ModelEvaluations evaluations;
    private final ApprovalService approvals;
    private final FrozenCardRepository frozen;
    private final AuditLog audit;
    private final BasePairings pairings;

    ModelCardService(ModelRegistryService models, ModelEvaluations evaluations, ApprovalService approvals,
            FrozenCardRepository frozen, AuditLog audit, BasePairings pairings) {
        this.models = models;
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.frozen = frozen;
        this.audit = audit;
        this.pairings = pairings;
    }

    /** The version's card: the frozen one once it is approved (verified against its hash), else rendered now. */
    public ModelCard card(CurrentUser user, long versionId) {
        ModelVersion version = models.get(user, versionId);
        Optional<FrozenCard> stored = frozen.forVersion(version.id);
        if (stored.isPresent()) {
            return verified(version, stored.get());
        }
        String markdown = render(version, null, Instant.now());
        return new ModelCard(version.id, fileName(version), markdown, sha256(markdown), null);
    }

    /**
     * Renders and stores the card of a version being approved, in the approval's transaction. A version approved
     * before keeps the card frozen at its first approval.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void freeze(ApprovalRequest approving) {
        ModelVersion version = approving.modelVersion;
        if (frozen.forVersion(version.id).isPresent()) {
            return;
        }
        FrozenCard card = new FrozenCard();
        card.team = version.team;
        card.modelVersionId = version.id;
        card.approvalRequestId = approving.id;
        card.markdown = render(version, approving, approving.decidedAt);
        card.sha256 = sha256(card.markdown);
        card.frozenBy = approving.decidedBy;
        card.frozenAt = approving.decidedAt;
        frozen.persist(card);
        audit.record(approving.decidedBy, version.team, AuditAction.MODEL_CARD_FREEZE, version.id,
                version.label() + " card frozen at approval " + approving.id + ", sha256=" + card.sha256);
    }

    private ModelCard verified(ModelVersion version, FrozenCard card) {
        String actual = sha256(card.markdown);
        if (!actual.equals(card.sha256.strip())) {
            throw new ProblemException(500, "Integrity check failed", "The frozen model card of " + version.label()
                    + " does not match the SHA-256 recorded at its approval (recorded " + card.sha256.strip()
                    + ", stored content hashes to " + actual + "): it was changed after approval. The audit log "
                    + "holds the recorded hash; restore the card from a backup.");
        }
        return new ModelCard(version.id, fileName(version), card.markdown, actual, card.frozenAt);
    }

    private String render(ModelVersion version, ApprovalRequest approving, Instant now) {
        List<EvaluationResult> results = evaluations.forCard(version, MAX_EVALUATIONS);
        Map<Long, EvaluationResult> baseResults = version.baseVersion == null ? Map.of()
                : evaluations.ofVersionOn(version.baseVersion, results.stream().map(r -> r.datasetVersion.id).toList())
                        .stream().collect(Collectors.toMap(r -> r.datasetVersion.id, Function.identity(),
                                // A base evaluated twice on one dataset version: its newest evaluation speaks.
                                (a, b) -> a.id > b.id ? a : b));
        ApprovalRequest statedUse = approving != null && (approving.intendedUse != null || approving.caveats != null)
                ? approving : approvals.newestStatement(version).orElse(null);
        return ModelCardMarkdown.render(CardRecords.facts(version, results, evaluations.count(version), baseResults,
                pairings.of(results, baseResults), statedUse, approving, now));
    }

    private static String fileName(ModelVersion version) {
        return version.name + "-v" + version.version + "-model-card.md";
    }

    private static String sha256(String markdown) {
        return Sha256.hex(markdown.getBytes(StandardCharsets.UTF_8));
    }
}
