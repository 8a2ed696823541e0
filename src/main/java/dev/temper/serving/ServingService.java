package dev.temper.serving;

import dev.temper.base.problem.ProblemException;
import dev.temper.engine.serving.BatchingPredictor;
import dev.temper.registry.AliasMoved;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Serves each team's production model. A version is loaded on its first request, or at once when an approval
 * moves the production alias; the switch lets requests already accepted by the old version finish on it, and
 * every answer names the version that made it.
 */
@ApplicationScoped
public class ServingService {

    private static final Logger LOG = Logger.getLogger(ServingService.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private final ModelRegistryService registry;
    private final ModelInstaller installer;
    private final ServingConfig config;
    private final MeterRegistry meters;
    private final Map<String, ServedModel> servedByTeam = new ConcurrentHashMap<>();

    ServingService(ModelRegistryService registry, ModelInstaller installer, ServingConfig config,
            MeterRegistry meters) {
        this.meters = meters;
        this.registry = registry;
        this.installer = installer;
        this.config = config;
    }

    /** The production model's answers for raw input rows; 404 unless the caller is of the team and names it. */
    public Predictions predict(CurrentUser user, String team, String modelName, float[][] rows) {
        return predict(user, team, modelName, model -> rows);
    }

    /** The production model's answer for one PNG image, turned into a row as training turned uploaded images. */
    public Predictions predictPng(CurrentUser user, String team, String modelName, byte[] png) {
        return predict(user, team, modelName, model -> PngInput.toRows(png, model));
    }

    private Predictions predict(CurrentUser user, String team, String modelName,
                                Function<ServedModel, float[][]> input) {
        requireMember(user, team, modelName);
        // A version retired between looking it up and queueing is asked again: the next look finds its successor.
        for (int attempt = 0; attempt < 3; attempt++) {
            ServedModel model = served(team, modelName);
            float[][] rows = input.apply(model);
            RowCheck.check(rows, model, config.maxRowsPerRequest());
            long start = System.nanoTime();
            float[][] logits;
            try {
                logits = await(model.predictor().submit(rows), model);
            } catch (BatchingPredictor.RetiredException retired) {
                continue;
            }
            long nanos = System.nanoTime() - start;
            model.stats().record(rows.length, nanos);
            meters.timer("temper.serving.predict", "team", team, "model", modelName)
                    .record(nanos, TimeUnit.NANOSECONDS);
            return Predictions.of(model, logits);
        }
        throw new ProblemException(503, "Model unavailable", "The production model of " + team
                + " is being switched; try again");
    }

    /** What the team serves and how it performs; empty before its production model was first loaded. */
    public Optional<ServedStatus> status(CurrentUser user, String team) {
        requireMember(user, team, null);
        ServedModel model = servedByTeam.get(team);
        return Optional.ofNullable(model).map(m -> new ServedStatus(team, m.modelVersionId(), m.name(), m.version(),
                m.stats().snapshot()));
    }

    /** Each of the user's teams' production models with the figures of this server's copy, team by team. */
    public List<ServedNow> servedNow(CurrentUser user) {
        return registry.aliases(user).stream().filter(alias -> ModelAlias.PRODUCTION.equals(alias.alias))
                .sorted(Comparator.comparing(alias -> alias.team))
                .map(alias -> {
                    ModelVersion version = alias.modelVersion;
                    ServedModel loaded = servedByTeam.get(alias.team);
                    ServingStats.Snapshot figures = loaded != null && loaded.modelVersionId() == version.id
                            ? loaded.stats().snapshot() : null;
                    return new ServedNow(alias.team, version.id, version.name, version.version, alias.updatedAt,
                            figures == null ? 0 : figures.requests(), figures == null ? null : figures.p50Millis());
                })
                .toList();
    }

    /** An approval moved a production alias: load the new version now and retire the old one. */
    void onAliasMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasMoved moved) {
        if (!ModelAlias.PRODUCTION.equals(moved.alias())) {
            return;
        }
        synchronized (this) {
            try {
                ModelVersion version = productionVersion(moved.team());
                ServedModel current = servedByTeam.get(moved.team());
                if (current == null || current.modelVersionId() != version.id) {
                    switchTo(moved.team(), version);
                }
            } catch (RuntimeException e) {
                // The approval stands, but the version it replaced is no longer what the registry says is in
                // production: stop serving it. Each request then tries the new version and says why it cannot.
                ServedModel replaced = servedByTeam.remove(moved.team());
                if (replaced != null) {
                    retire(replaced);
                }
                LOG.errorf(e, "Cannot serve the new production model of %s", moved.team());
            }
        }
    }

    private ServedModel served(String team, String modelName) {
        ServedModel model = servedByTeam.get(team);
        if (model == null) {
            synchronized (this) {
                model = servedByTeam.get(team);
                if (model == null) {
                    ModelVersion production = productionVersion(team);
                    // Another model's name is a 404 whether or not production could be loaded.
                    if (!production.name.equals(modelName)) {
                        throw ProblemException.notFound("Served model", team + "/" + modelName + " (" + team
                                + " serves " + production.label() + " in production)");
                    }
                    model = switchTo(team, production);
                }
            }
        }
        if (!model.name().equals(modelName)) {
            throw ProblemException.notFound("Served model", team + "/" + modelName + " (" + team + " serves "
                    + model.label() + " in production)");
        }
        return model;
    }

    private ModelVersion productionVersion(String team) {
        return registry.alias(team, ModelAlias.PRODUCTION).map(alias -> alias.modelVersion)
                .orElseThrow(() -> ProblemException.notFound("Production model of team", team));
    }

    /** Loads the version, makes it the team's, then retires the one it replaces (its accepted requests finish). */
    private ServedModel switchTo(String team, ModelVersion version) {
        ServedModel fresh = load(version);
        ServedModel old = servedByTeam.put(team, fresh);
        if (old != null) {
            retire(old);
            LOG.infof("Team %s now serves %s (was %s)", team, fresh.label(), old.label());
        } else {
            LOG.infof("Team %s serves %s", team, fresh.label());
        }
        return fresh;
    }

    /** Refuses new requests to the version, answers those it accepted, then frees it. */
    private void retire(ServedModel model) {
        model.predictor().close();
        installer.remove(model.directory());
    }

    private ServedModel load(ModelVersion version) {
        Path directory = installer.install(version);
        try {
            BatchingPredictor predictor = new BatchingPredictor(directory, config.maxBatch(),
                    Duration.ofMillis(config.maxWaitMillis()));
            return new ServedModel(version.id, version.name, version.version, predictor, directory,
                    new ServingStats());
        } catch (RuntimeException e) {
            installer.remove(directory);
            throw e;
        }
    }

    private static float[][] await(CompletableFuture<float[][]> answer, ServedModel model) {
        try {
            return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Model unavailable", "Interrupted while " + model.label() + " answered");
        } catch (TimeoutException e) {
            throw new ProblemException(503, "Model unavailable", model.label() + " did not answer within "
                    + ANSWER_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(model.label() + " failed to predict", e.getCause());
        }
    }

    private static void requireMember(CurrentUser user, String team, String modelName) {
        if (!user.isMemberOf(team)) {
            throw ProblemException.notFound("Served model", team + (modelName == null ? "" : "/" + modelName));
        }
    }

    @PreDestroy
    void stopServing() {
        servedByTeam.values().forEach(this::retire);
        servedByTeam.clear();
    }
}
