package dev.temper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stored entries, their hash chain and every reader hold these exact names: none may change. */
class AuditActionTest {

    @Test
    void actionsKeepTheirStoredNamesAndObjectTypes() {
        Map<String, String> stored = Arrays.stream(AuditAction.values()).collect(Collectors.toMap(
                AuditAction::storedName, action -> action.objectType().storedName()));

        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("dataset.register", "DatasetVersion"), Map.entry("dataset.derive", "DatasetVersion"),
                Map.entry("dataset.archive", "DatasetVersion"), Map.entry("dataset.restore", "DatasetVersion"),
                Map.entry("dataset.delete", "DatasetVersion"), Map.entry("dataset.label-noise", "DatasetVersion"),
                Map.entry("job.submit", "TrainingJob"), Map.entry("job.start", "TrainingJob"),
                Map.entry("job.requeue", "TrainingJob"), Map.entry("job.retry", "TrainingJob"),
                Map.entry("job.succeeded", "TrainingJob"), Map.entry("job.failed", "TrainingJob"),
                Map.entry("job.cancelled", "TrainingJob"),
                Map.entry("quota.set", "TeamQuota"), Map.entry("quota.reset", "TeamQuota"),
                Map.entry("model.register", "ModelVersion"), Map.entry("model.alias", "ModelVersion"),
                Map.entry("model.card-freeze", "ModelVersion"),
                Map.entry("evaluation.record", "EvaluationResult"), Map.entry("benchmark.create", "Benchmark"),
                Map.entry("approval.request", "ApprovalRequest"), Map.entry("approval.approve", "ApprovalRequest"),
                Map.entry("approval.reject", "ApprovalRequest"), Map.entry("approval.decide", "ApprovalRequest"),
                Map.entry("approval.vote", "ApprovalRequest"), Map.entry("approval.withdraw", "ApprovalRequest"),
                Map.entry("approval.expire", "ApprovalRequest"),
                Map.entry("gate-policy.update", "GatePolicy"),
                Map.entry("webhook.create", "Webhook"), Map.entry("webhook.delete", "Webhook"),
                Map.entry("api.write", "ApiEndpoint")));
    }

    @Test
    void everyObjectTypeHasActions() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::objectType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AuditObjectType.values());
    }
}
