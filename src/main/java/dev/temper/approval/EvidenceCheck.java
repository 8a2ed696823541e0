package dev.temper.approval;

import dev.temper.approval.policy.Evidence;
import java.util.Optional;

/**
 * A request's stored evidence read back: intact only when its JSON still hashes to the SHA-256 recorded at request
 * time (and in the audit entry). What it says is trusted only then.
 */
public record EvidenceCheck(Evidence evidence, boolean intact) {

    public static Optional<EvidenceCheck> of(ApprovalRequest request) {
        if (request.evidenceJson == null) {
            return Optional.empty();
        }
        boolean intact = Evidence.sha256(request.evidenceJson).equals(request.evidenceSha256);
        Evidence evidence;
        try {
            evidence = Evidence.read(request.evidenceJson);
        } catch (RuntimeException unreadable) {
            return Optional.of(new EvidenceCheck(null, false));
        }
        return Optional.of(new EvidenceCheck(evidence, intact));
    }

    /** Why the request may not be approved on its evidence: a failing gate, or evidence that was changed. */
    public static Optional<String> blocking(ApprovalRequest request) {
        Optional<EvidenceCheck> check = of(request);
        if (check.isEmpty()) {
            // Requests made before gates existed carry no evidence; they are decided as they always were.
            return Optional.empty();
        }
        if (!check.get().intact()) {
            return Optional.of("The request's evidence no longer matches the SHA-256 recorded when it was made; "
                    + "it cannot be approved");
        }
        Evidence evidence = check.get().evidence();
        return evidence.failing().isEmpty() ? Optional.empty()
                : Optional.of("A failing gate blocks approval: " + evidence.failingNames());
    }
}
