package dev.temper.worker;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.JobKind;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.Split;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.contract.WorkerProtocol;
import dev.temper.engine.data.TabularData;
import dev.temper.engine.evaluation.EvaluationSpec;
import dev.temper.engine.model.CnnArchitecture;
import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.MlpArchitecture;
import dev.temper.engine.model.ModelArchive;
import dev.temper.engine.model.ModelManifest;
import dev.temper.engine.training.EpochMetrics;
import dev.temper.engine.training.StepMetrics;
import dev.temper.engine.training.Trainer;
import dev.temper.engine.training.TrainingListener;
import dev.temper.engine.training.TrainingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs one attempt at a job with the engine: heartbeats, metrics and log lines go to the server as it
 * trains, and a checkpoint after every epoch. An attempt that follows a lost one resumes from the last
 * checkpoint the server kept.
 */
final class JobRunner {

    private final ServerClient server;
    private final Path workDir;
    private final Path checkpointDir;
    private ProgressReporter reporter;

    JobRunner(ServerClient server, Path workDir) {
        this.server = server;
        this.workDir = workDir;
        this.checkpointDir = workDir.resolve("checkpoints");
    }

    void run() throws IOException {
        WorkerJobSpec spec = server.get(WorkerProtocol.SPEC_PATH, WorkerJobSpec.class);
        try (ProgressReporter progress = new ProgressReporter(server)) {
            reporter = progress;
            progress.start(spec.heartbeatSeconds());
            progress.log("Attempt " + spec.attempt() + " at job " + spec.jobId() + " (" + spec.kind() + ") started");
            Map<Split, SplitRows> splits = fetchDataset();
            progress.log("Dataset loaded: " + describe(splits));
            switch (spec.kind()) {
                case PRETRAIN, FINETUNE -> upload(train(spec, splits));
                case EVALUATE -> evaluate(spec, splits);
            }
        }
    }

    private ExportedModel train(WorkerJobSpec spec, Map<Split, SplitRows> splits) throws IOException {
        TabularData train = data(splits, Split.TRAIN, spec);
        TabularData validation = data(splits, Split.VALIDATION, spec);
        Path export = workDir.resolve("export");
        TrainingListener listener = new CheckpointUploader(reporter);
        if (spec.resumeAfterEpoch() > 0) {
            Path zip = workDir.resolve("checkpoint.zip");
            server.download(WorkerProtocol.CHECKPOINT_PATH, zip);
            ModelArchive.unzip(zip, Files.createDirectories(checkpointDir.resolve("current")));
            reporter.log("Resuming after epoch " + spec.resumeAfterEpoch() + " from the last checkpoint");
            return Trainer.resume(checkpointDir, train, validation, listener, export);
        }
        TrainingRequest request = TrainingRequest.of(train, validation, spec.strategy(), export)
                .withListener(listener).withCheckpointsIn(checkpointDir);
        return spec.kind() == JobKind.FINETUNE
                ? Trainer.fineTune(fetchInputModel(), request)
                : pretrain(spec.architecture(), request);
    }

    /** Reports each epoch, then uploads that epoch's checkpoint: the server never keeps a checkpoint ahead of its metrics. */
    private final class CheckpointUploader implements TrainingListener {
        private final ProgressReporter progress;

        CheckpointUploader(ProgressReporter progress) {
            this.progress = progress;
        }

        @Override
        public void onStep(StepMetrics metrics) {
            progress.onStep(metrics);
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            progress.onEpoch(metrics);
            try {
                Path zip = workDir.resolve("checkpoint-upload.zip");
                ModelArchive.zip(checkpointDir.resolve("current"), zip);
                server.putFile(WorkerProtocol.CHECKPOINT_PATH + "?" + WorkerProtocol.EPOCH_PARAM + "=" + metrics.epoch(),
                        zip);
                Files.delete(zip);
            } catch (IOException e) {
                // The server's answer (a full artifact store, say) becomes the job's failure reason.
                throw new UncheckedIOException("Cannot upload the checkpoint of epoch " + metrics.epoch() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static String describe(Map<Split, SplitRows> splits) {
        StringBuilder text = new StringBuilder();
        splits.forEach((split, rows) -> text.append(text.isEmpty() ? "" : ", ").append(rows.size()).append(' ')
                .append(split.wireName()));
        return text.toString();
    }

    private void evaluate(WorkerJobSpec spec, Map<Split, SplitRows> splits) throws IOException {
        DatasetHeader header = DatasetFiles.header(datasetFile());
        EvaluationSpec suite = EvaluationRun.forDataset(spec.evaluation(), header, splits.get(Split.TRAIN));
        Path model = fetchInputModel();
        // Corruption errors are relative to the base model; only images meet corruptions.
        Path baseline = spec.hasBaselineModel() && suite.corruptions()
                ? fetchModel(WorkerProtocol.BASELINE_MODEL_PATH, "baseline-model") : null;
        SplitRows test = splits.get(Split.TEST);
        if (test == null || test.size() == 0) {
            throw new IllegalArgumentException("The dataset has no test samples");
        }
        OverlapCheck check = spec.overlapCheck() == null ? OverlapCheck.UNKNOWN : spec.overlapCheck();
        TestSelection selection = TestSelection.of(test, seenInTraining(check), suite.maxExamples(), suite.seed());
        TabularData rows = selection.rows(test, spec.classCount(), spec.classNames());
        reporter.log("Evaluating on " + rows.size() + " of " + test.size() + " test samples"
                + (selection.excluded() > 0 ? " (" + selection.excluded() + " left out: the model was trained on them)" : "")
                + (check == OverlapCheck.UNKNOWN ? "; the model's training data is unknown, so overlap was not checked" : "")
                + "; " + suite.threatModel().describe() + ", suite " + suite.suite());
        reporter.flush();
        server.post(WorkerProtocol.EVALUATION_PATH,
                EvaluationRun.evaluate(model, rows, suite, baseline, selection, check, test.size(),
                        step -> reporter.log(step.toString())));
    }

    /** Test samples the evaluated model was trained on (train or validation split of its training version). */
    private Predicate<float[]> seenInTraining(OverlapCheck check) throws IOException {
        return switch (check) {
            case CHECKED -> {
                Path file = workDir.resolve("training-data");
                server.download(WorkerProtocol.TRAINING_DATA_PATH, file);
                TrainingSamples seen = TrainingSamples.read(file);
                Files.delete(file);
                yield seen;
            }
            // The model was trained on this very version: a sample belongs to exactly one of its splits, assigned
            // once when the version was written, so no test sample is also a train or validation sample. Nothing
            // to download.
            case SAME_VERSION -> values -> false;
            // Registered from outside, or trained on a version in the old CSV format: nothing to compare with.
            case UNKNOWN -> values -> false;
        };
    }

    private static ExportedModel pretrain(ArchitectureSpec a, TrainingRequest request) {
        return a.type() == ArchitectureSpec.Type.CNN
                ? Trainer.pretrain(new CnnArchitecture(a.height(), a.width(), a.channels(), a.convFilters(),
                        a.denseWidths()), request)
                : Trainer.pretrain(new MlpArchitecture(a.hiddenWidths()), request);
    }

    private void upload(ExportedModel model) throws IOException {
        reporter.log("Training finished; uploading the model");
        reporter.flush();
        Path zip = workDir.resolve("model.zip");
        ModelArchive.zip(model.directory(), zip);
        String manifest = Files.readString(model.directory().resolve(ModelManifest.FILE_NAME));
        server.uploadModel(zip, model.sha256(), manifest);
    }

    private Map<Split, SplitRows> fetchDataset() throws IOException {
        Path file = datasetFile();
        server.download(WorkerProtocol.DATASET_PATH, file);
        return DatasetFiles.readSplits(file);
    }

    private Path datasetFile() {
        return workDir.resolve("dataset");
    }

    private Path fetchInputModel() throws IOException {
        return fetchModel(WorkerProtocol.INPUT_MODEL_PATH, "input-model");
    }

    private Path fetchModel(String endpoint, String name) throws IOException {
        Path zip = workDir.resolve(name + ".zip");
        server.download(endpoint, zip);
        Path dir = Files.createDirectories(workDir.resolve(name));
        ModelArchive.unzip(zip, dir);
        return dir;
    }

    private static TabularData data(Map<Split, SplitRows> splits, Split split, WorkerJobSpec spec) {
        SplitRows rows = splits.get(split);
        if (rows == null || rows.size() == 0) {
            throw new IllegalArgumentException("The dataset has no " + split.wireName() + " samples");
        }
        return new TabularData(rows.features(), rows.labels(), spec.classCount(), spec.classNames());
    }

}
