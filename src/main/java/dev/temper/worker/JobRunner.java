package dev.temper.worker;

import dev.temper.contract.EpochReport;
import dev.temper.contract.SplitTable;
import dev.temper.contract.Strategy;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.engine.EvaluationReport;
import dev.temper.engine.ExportedModel;
import dev.temper.engine.MlpArchitecture;
import dev.temper.engine.RobustnessEvaluator;
import dev.temper.engine.TabularData;
import dev.temper.engine.Trainer;
import dev.temper.engine.TrainingListener;
import dev.temper.engine.TrainingStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs one job with the engine, reporting to the server as it goes. */
final class JobRunner {

    private final ServerClient server;
    private final Path workDir;

    JobRunner(ServerClient server, Path workDir) {
        this.server = server;
        this.workDir = workDir;
    }

    void run() throws IOException {
        WorkerJobSpec spec = server.get("/spec", WorkerJobSpec.class);
        Map<String, SplitTable.Rows> splits = fetchDataset();
        switch (spec.kind()) {
            case PRETRAIN -> upload(Trainer.pretrain(new MlpArchitecture(spec.hiddenWidths()),
                    data(splits, SplitTable.TRAIN, spec), data(splits, SplitTable.VALIDATION, spec),
                    strategy(spec.strategy()), this::report, workDir.resolve("export")));
            case FINETUNE -> upload(Trainer.fineTune(fetchInputModel(), data(splits, SplitTable.TRAIN, spec),
                    data(splits, SplitTable.VALIDATION, spec), strategy(spec.strategy()), this::report,
                    workDir.resolve("export")));
            case EVALUATE -> evaluate(spec, splits);
        }
    }

    private void evaluate(WorkerJobSpec spec, Map<String, SplitTable.Rows> splits) throws IOException {
        EvaluationReport report = RobustnessEvaluator.evaluate(fetchInputModel(), data(splits, SplitTable.TEST, spec),
                spec.fgsmEpsilons());
        server.post("/evaluation", new dev.temper.contract.EvaluationReport(report.examples(), report.cleanAccuracy(),
                report.fgsmAccuracy(), report.modelSha256(), "TensorFlow " + report.engineVersion()));
    }

    private void report(dev.temper.engine.EpochMetrics m) {
        try {
            server.post("/epochs", new EpochReport(m.epoch(), m.totalEpochs(), m.trainLoss(), m.trainAccuracy(),
                    m.validationLoss(), m.validationAccuracy()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot report epoch " + m.epoch(), e);
        }
    }

    private void upload(ExportedModel model) throws IOException {
        Path zip = workDir.resolve("model.zip");
        ModelArchive.zip(model.directory(), zip);
        String manifest = Files.readString(model.directory().resolve(dev.temper.engine.ModelManifest.FILE_NAME));
        server.uploadModel(zip, model.sha256(), manifest);
    }

    private Map<String, SplitTable.Rows> fetchDataset() throws IOException {
        Path file = workDir.resolve("dataset.csv");
        server.download("/dataset", file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SplitTable.read(in);
        }
    }

    private Path fetchInputModel() throws IOException {
        Path zip = workDir.resolve("input-model.zip");
        server.download("/input-model", zip);
        Path dir = Files.createDirectories(workDir.resolve("input-model"));
        ModelArchive.unzip(zip, dir);
        return dir;
    }

    private static TabularData data(Map<String, SplitTable.Rows> splits, String split, WorkerJobSpec spec) {
        SplitTable.Rows rows = splits.get(split);
        if (rows == null || rows.size() == 0) {
            throw new IllegalArgumentException("The dataset has no " + split + " rows");
        }
        return new TabularData(rows.featureMatrix(), rows.labelArray(), spec.classCount());
    }

    private static TrainingStrategy strategy(Strategy s) {
        return new TrainingStrategy(s.epochs(), s.batchSize(), s.learningRate(), s.frozenLayers(), s.fgsm(),
                s.fgsmEpsilon(), s.seed());
    }
}
