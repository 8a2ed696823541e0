package dev.temper.engine.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.io.EngineJson;
import dev.temper.engine.io.FileTrees;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.strategy.TrainingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The latest checkpoint of a run in a directory: state.json (model description, strategy, epoch, step,
 * metric history, best epoch) plus weights, optimizer state and best weights as exact binary files.
 * Each save is written beside the previous one and then swapped in, so a crash mid-write keeps the last.
 */
final class CheckpointStore {

    private static final String CURRENT = "current";
    private static final String NEXT = "next";

    private final Path directory;

    CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** What a run needs besides its progress to go on: the model, how it is trained and on what. */
    record Header(ModelManifest model, TrainingStrategy strategy, long dataFingerprint) {
    }

    private record State(Header header, int epoch, int step, List<EpochMetrics> history, Integer bestEpoch,
                         Double bestScore) {
    }

    record Checkpoint(Header header, TrainingProgress progress) {
    }

    void save(Header header, TrainingProgress progress) {
        try {
            Path next = directory.resolve(NEXT);
            FileTrees.deleteRecursively(next);
            Files.createDirectories(next);
            TrainingProgress.BestEpoch best = progress.best();
            EngineJson.mapper().writeValue(next.resolve("state.json").toFile(), new State(header, progress.epoch(),
                    progress.step(), progress.history(), best == null ? null : best.epoch(),
                    best == null ? null : best.score()));
            FloatMapFile.write(next.resolve("weights.bin"), progress.weights());
            FloatMapFile.write(next.resolve("optimizer.bin"), progress.optimizerState());
            if (best != null) {
                FloatMapFile.write(next.resolve("best.bin"), best.weights());
            }
            FileTrees.deleteRecursively(directory.resolve(CURRENT));
            Files.move(next, directory.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + directory, e);
        }
    }

    Checkpoint load() {
        Path current = directory.resolve(CURRENT);
        if (!Files.isRegularFile(current.resolve("state.json"))) {
            throw new IllegalArgumentException("checkpointDir holds no checkpoint: " + directory);
        }
        try {
            State state = EngineJson.mapper().readValue(current.resolve("state.json").toFile(), State.class);
            TrainingProgress.BestEpoch best = state.bestEpoch() == null ? null : new TrainingProgress.BestEpoch(
                    state.bestEpoch(), state.bestScore(), FloatMapFile.read(current.resolve("best.bin")));
            return new Checkpoint(state.header(), new TrainingProgress(state.epoch(), state.step(), state.history(),
                    FloatMapFile.read(current.resolve("weights.bin")),
                    FloatMapFile.read(current.resolve("optimizer.bin")), best));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint in " + directory, e);
        }
    }
}
