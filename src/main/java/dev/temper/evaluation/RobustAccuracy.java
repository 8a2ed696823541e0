package dev.temper.evaluation;

import dev.temper.contract.RobustPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Accuracy under one attack at one strength, with its 95% interval and counts. */
@Entity
@Table(name = "robust_accuracy")
public class RobustAccuracy {

    /** Attack names as the engine reports them, plus the per-example worst case over all of them. */
    public static final String WORST_CASE = RobustPoint.WORST_CASE;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "evaluation_result_id")
    public EvaluationResult result;

    @Column(nullable = false)
    public String attack;

    @Column(nullable = false)
    public double epsilon;

    @Column(nullable = false)
    public double accuracy;

    /** 95% Wilson interval and the counts behind the accuracy; null on rows recorded before they were kept. */
    @Column(name = "ci_lower")
    public Double lower;

    @Column(name = "ci_upper")
    public Double upper;

    public Integer correct;

    public Integer examples;
}
