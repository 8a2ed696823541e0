package dev.temper.approval.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a team's approval gates. Never changed once written: an edit is a new row with the next version,
 * so evidence that names a version keeps meaning what it meant.
 */
@Entity
@Table(name = "gate_policy")
public class GatePolicy {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int MIN_APPROVALS = 1;
    public static final int MAX_APPROVALS = 3;
    public static final int MAX_EXPIRY_DAYS = 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    public String name;

    /** The team's benchmark every gate is measured on. */
    @Column(name = "benchmark_id", nullable = false)
    public long benchmarkId;

    /** The lower bound of the clean accuracy's 95% interval must reach this; null: no such gate. */
    @Column(name = "min_clean_lower")
    public Double minCleanLower;

    /** Worst-case robust accuracy at {@link #robustEpsilon} must reach this; both null or both set. */
    @Column(name = "min_robust_accuracy")
    public Double minRobustAccuracy;

    @Column(name = "robust_epsilon")
    public Double robustEpsilon;

    /** Expected calibration error must not exceed this; null: no such gate. */
    @Column(name = "max_ece")
    public Double maxEce;

    /** The evaluation must be measured with the benchmark's suite. */
    @Column(name = "require_current_suite", nullable = false)
    public boolean requireCurrentSuite;

    /** No significant regression against the production version (paired McNemar, p < 0.05, candidate worse). */
    @Column(name = "block_regression", nullable = false)
    public boolean blockRegression;

    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals;

    @Column(name = "separates_duties", nullable = false)
    public boolean separatesDuties;

    /** Days an open request lives; null: it does not expire. */
    @Column(name = "expiry_days")
    public Integer expiryDays;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
