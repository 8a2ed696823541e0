package dev.temper.evaluation.benchmark;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.base.Json;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * What models are compared on: a dataset version's test split, a threat model (norm, epsilons in the version's
 * unit) and a suite version. Fixed once created, so that every row of its leaderboard means the same thing.
 */
@Entity
@Table(name = "benchmark")
public class Benchmark {

    public static final int NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public String name;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_version_id")
    public DatasetVersion datasetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Norm norm;

    @Enumerated(EnumType.STRING)
    @Column(name = "epsilon_unit", nullable = false)
    public EpsilonUnit epsilonUnit;

    /** JSON array, ascending and distinct: written exactly like a result's recorded epsilons, so they compare. */
    @Column(name = "epsilons", nullable = false)
    public String epsilonsJson;

    @Enumerated(EnumType.STRING)
    @Column(name = "suite_version", nullable = false)
    public SuiteVersion suite;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<Double> epsilons() {
        return Json.read(epsilonsJson, new TypeReference<>() { });
    }

    public ThreatModel threatModel() {
        return new ThreatModel(norm, epsilons(), epsilonUnit);
    }

    /** The epsilon whose worst-case robust accuracy ranks the board: the largest, the hardest. */
    public double headlineEpsilon() {
        List<Double> epsilons = epsilons();
        return epsilons.get(epsilons.size() - 1);
    }

    /** The JSON the epsilons are stored and compared as. */
    static String epsilonsJson(List<Double> epsilons) {
        return Json.write(epsilons.stream().distinct().sorted().toList());
    }
}
