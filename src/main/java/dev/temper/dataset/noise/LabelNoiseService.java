package dev.temper.dataset.noise;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditRefusals;
import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.profile.LabelNoiseFinder;
import dev.temper.dataset.profile.LabelNoiseReport;
import dev.temper.dataset.profile.NoiseSearchSettings;
import dev.temper.dataset.profile.ProgressListener;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs searches for suspected label errors in the background, one at a time (each trains k quick models
 * and would otherwise compete with the API for the server's cores), storing progress as it goes so that
 * every open view and API client sees it.
 */
@ApplicationScoped
public class LabelNoiseService {

    private static final Logger LOG = Logger.getLogger(LabelNoiseService.class);
    /** Progress is stored at most this often; a search reports many small steps. */
    private static final long PROGRESS_INTERVAL_MS = 500;

    private final DatasetService datasets;
    private final LabelNoiseRepository searches;
    private final AuditLog audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "temper-label-noise");
        thread.setDaemon(true);
        return thread;
    });
    private final Event<LabelNoiseUpdated> updates;

    LabelNoiseService(DatasetService datasets, LabelNoiseRepository searches, AuditLog audit,
            Event<LabelNoiseUpdated> updates) {
        this.datasets = datasets;
        this.searches = searches;
        this.audit = audit;
        this.updates = updates;
    }

    /** Starts a search, or returns the one already running for this version. */
    @AuditRefusals(AuditAction.DATASET_LABEL_NOISE)
    public LabelNoiseSearch start(CurrentUser user, long datasetVersionId) {
        user.requireRole(Roles.ML_ENGINEER, "search datasets for label errors");
        DatasetVersion version = datasets.get(user, datasetVersionId);
        DatasetService.requireCanonical(version);
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            Optional<LabelNoiseSearch> running = searches.running(version.id);
            if (running.isPresent()) {
                return new Started(running.get(), false);
            }
            LabelNoiseSearch created = new LabelNoiseSearch();
            created.datasetVersion = version;
            created.team = version.team;
            created.state = LabelNoiseSearch.State.RUNNING;
            created.stage = "queued";
            created.createdBy = user.username();
            created.createdAt = Instant.now();
            searches.persist(created);
            audit.record(user.username(), version.team, AuditAction.DATASET_LABEL_NOISE, version.id,
                    "search " + created.id + " for suspected label errors in " + version.label());
            return new Started(created, true);
        });
        if (started.created()) {
            executor.submit(() -> run(started.search().id, version));
        }
        return started.search();
    }

    private record Started(LabelNoiseSearch search, boolean created) {
    }

    public Optional<LabelNoiseSearch> latest(CurrentUser user, long datasetVersionId) {
        DatasetVersion version = datasets.get(user, datasetVersionId);
        return QuarkusTransaction.requiringNew().call(() -> searches.latest(version.id));
    }

    /** A search that was running when the server stopped will never finish; say so. */
    void failInterrupted(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> searches.update(
                "state = ?1, message = ?2, finishedAt = ?3 where state = ?4", LabelNoiseSearch.State.FAILED,
                "The server restarted during the search; start it again", Instant.now(), LabelNoiseSearch.State.RUNNING));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(long searchId, DatasetVersion version) {
        Path file = null;
        try {
            file = Files.createTempFile("temper-label-noise-", ".tds");
            try (InputStream in = datasets.openContent(version)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ThrottledProgress progress = new ThrottledProgress(searchId, version);
            LabelNoiseReport report = LabelNoiseFinder.find(file, NoiseSearchSettings.DEFAULT, progress);
            finish(searchId, version, search -> {
                search.state = LabelNoiseSearch.State.SUCCEEDED;
                search.progress = 1;
                search.stage = "done";
                search.outOfFoldAccuracy = report.outOfFoldAccuracy();
                search.suspectsJson = Json.write(report.suspects());
            });
        } catch (Exception e) {
            LOG.warnf(e, "Label-noise search %d failed", searchId);
            finish(searchId, version, search -> {
                search.state = LabelNoiseSearch.State.FAILED;
                search.message = "The search failed: " + e.getMessage();
            });
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file; the OS cleans its temp directory.
                }
            }
        }
    }

    private void finish(long searchId, DatasetVersion version, Consumer<LabelNoiseSearch> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            LabelNoiseSearch search = searches.findById(searchId);
            change.accept(search);
            search.finishedAt = Instant.now();
        });
        announce(searchId, version);
    }

    private void announce(long searchId, DatasetVersion version) {
        updates.fire(new LabelNoiseUpdated(searchId, version.id, version.team));
    }

    /** Stores progress at most every {@link #PROGRESS_INTERVAL_MS}. */
    private final class ThrottledProgress implements ProgressListener {

        private final long searchId;
        private final DatasetVersion version;
        private long lastStored;

        ThrottledProgress(long searchId, DatasetVersion version) {
            this.searchId = searchId;
            this.version = version;
        }

        @Override
        public void progress(double fraction, String stage) {
            long now = System.currentTimeMillis();
            if (now - lastStored < PROGRESS_INTERVAL_MS && fraction < 1) {
                return;
            }
            lastStored = now;
            QuarkusTransaction.requiringNew().run(() -> searches.update("progress = ?1, stage = ?2 where id = ?3",
                    fraction, stage, searchId));
            announce(searchId, version);
        }
    }
}
