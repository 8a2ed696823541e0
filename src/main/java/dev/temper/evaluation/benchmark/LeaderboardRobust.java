package dev.temper.evaluation.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A leaderboard row's worst-case robust accuracy at one of its benchmark's epsilons, with its 95% interval. */
@Entity
@Table(name = "leaderboard_robust")
public class LeaderboardRobust {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evaluation_result_id", nullable = false)
    public Long resultId;

    @Column(name = "benchmark_id", nullable = false)
    public Long benchmarkId;

    @Column(nullable = false)
    public double epsilon;

    @Column(nullable = false)
    public double accuracy;

    @Column(name = "ci_lower")
    public Double lower;

    @Column(name = "ci_upper")
    public Double upper;
}
