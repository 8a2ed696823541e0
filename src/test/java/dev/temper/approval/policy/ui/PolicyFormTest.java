package dev.temper.approval.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.approval.policy.GatePolicy;
import dev.temper.approval.policy.PolicyEdit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate policy form without a server: what it saves, and that input out of bounds saves nothing. */
class PolicyFormTest {

    private final BenchmarkChoice blobs = new BenchmarkChoice(7L, "blobs (#7)", List.of(0.05, 0.1));
    private final List<PolicyEdit> saved = new ArrayList<>();
    private PolicyForm form;

    @BeforeEach
    void createForm() {
        form = new PolicyForm((filter, offset, limit) -> List.of(blobs).stream());
        form.addSaveListener(event -> saved.add(event.edit()));
    }

    @Test
    void aFirstPolicySavesItsFieldsAndExpectsNoEarlierVersion() {
        form.name.setValue(" release gates ");
        form.benchmark.setValue(blobs);
        form.minCleanLower.setValue(0.8);
        form.minRobustAccuracy.setValue(0.5);
        form.robustEpsilon.setValue(0.1);
        form.requiredApprovals.setValue(2);
        form.expiryDays.setValue(30);
        form.blockRegression.setValue(false);

        form.save.click();

        assertThat(saved).containsExactly(new PolicyEdit("release gates", 7L, 0.8, 0.5, 0.1, null, true, false, 2,
                true, 30, 0));
    }

    @Test
    void anEditOfAShownVersionExpectsThatVersion() {
        form.show(policy(3), blobs);
        assertThat(form.robustEpsilon.getValue()).as("the shown version's epsilon, among the benchmark's").isEqualTo(0.05);

        form.maxEce.setValue(0.1);
        form.save.click();

        assertThat(saved).containsExactly(new PolicyEdit("release gates", 7L, 0.7, 0.4, 0.05, 0.1, true, true, 2,
                false, null, 3));
    }

    @Test
    void valuesOutOfBoundsSaveNothingAndSayWhy() {
        form.name.setValue("release gates");
        form.benchmark.setValue(blobs);
        form.minCleanLower.setValue(1.5);
        form.requiredApprovals.setValue(4);
        form.expiryDays.setValue(0);

        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.minCleanLower.isInvalid()).isTrue();
        assertThat(form.minCleanLower.getErrorMessage()).isEqualTo(PolicyForm.FRACTION);
        assertThat(form.requiredApprovals.getErrorMessage()).isEqualTo("1 to 3 approvals");
        assertThat(form.expiryDays.getErrorMessage()).startsWith("1 to 365 days");
    }

    @Test
    void aRobustThresholdNeedsItsEpsilonAndTheOtherWayRound() {
        form.name.setValue("release gates");
        form.benchmark.setValue(blobs);
        form.minRobustAccuracy.setValue(0.5);

        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.minRobustAccuracy.getErrorMessage()).startsWith("Pick the epsilon");
        form.robustEpsilon.setValue(0.05);
        assertThat(form.minRobustAccuracy.isInvalid()).as("picking the epsilon settles it").isFalse();
        form.save.click();
        assertThat(saved).hasSize(1);
    }

    @Test
    void withoutABenchmarkNothingIsSaved() {
        form.name.setValue("release gates");

        form.save.click();

        assertThat(saved).isEmpty();
        assertThat(form.benchmark.getErrorMessage()).startsWith("Pick the team's benchmark");
    }

    @Test
    void readOnlyForMembersWhoAreNotAdmins() {
        form.show(policy(1), blobs);

        form.showReadOnly(true);

        assertThat(form.save.isVisible()).isFalse();
        assertThat(form.name.isReadOnly()).isTrue();
        assertThat(form.benchmark.isReadOnly()).isTrue();
        assertThat(form.requiredApprovals.isReadOnly()).isTrue();
    }

    private static GatePolicy policy(int version) {
        GatePolicy p = new GatePolicy();
        p.id = 40L + version;
        p.team = "team-a";
        p.version = version;
        p.name = "release gates";
        p.benchmarkId = 7L;
        p.minCleanLower = 0.7;
        p.minRobustAccuracy = 0.4;
        p.robustEpsilon = 0.05;
        p.requireCurrentSuite = true;
        p.blockRegression = true;
        p.requiredApprovals = 2;
        p.separatesDuties = false;
        p.createdBy = "erin";
        p.createdAt = Instant.now();
        return p;
    }
}
