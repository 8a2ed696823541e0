package dev.temper.approval.policy;

import dev.temper.base.Json;
import dev.temper.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a request was made with, frozen at request time: the policy version, the evaluation measured, the
 * comparison with production and each gate's outcome. Its canonical JSON (record components in declaration order,
 * written by the one {@link Json} mapper) is stored on the request and its SHA-256 in the request's audit entry.
 *
 * @param policyId      null: the team had no policy, and only the default gate applied
 * @param benchmarkId   the policy's benchmark; null without a policy
 */
public record Evidence(Long policyId, Integer policyVersion, Long benchmarkId, long modelVersionId,
        long evaluationId, Regression regression, List<Gate> gates) {

    public List<Gate> failing() {
        return gates.stream().filter(g -> !g.passed()).toList();
    }

    /** "clean-accuracy, no-regression": the failing gates named. */
    public String failingNames() {
        return String.join(", ", failing().stream().map(Gate::name).toList());
    }

    public String canonicalJson() {
        return Json.write(this);
    }

    public static String sha256(String canonicalJson) {
        return Sha256.hex(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    public static Evidence read(String canonicalJson) {
        return Json.read(canonicalJson, Evidence.class);
    }
}
