package dev.temper.evaluation.benchmark;

import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.security.TeamOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class BenchmarkRepository implements TeamOwnedRepository<Benchmark> {

    @Override
    public String listOrder() {
        return "createdAt desc, id desc";
    }

    /** The team's benchmarks of this dataset version and threat model, oldest first. */
    List<Benchmark> withThreatModel(String team, long datasetVersionId, Norm norm, EpsilonUnit unit,
            String epsilonsJson) {
        return list("team = ?1 and datasetVersion.id = ?2 and norm = ?3 and epsilonUnit = ?4 and epsilonsJson = ?5 "
                + "order by id", team, datasetVersionId, norm, unit, epsilonsJson);
    }

    boolean nameTaken(String team, String name) {
        return count("team = ?1 and name = ?2", team, name) > 0;
    }
}
