package dev.temper.worker;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.EpochReport;
import dev.temper.contract.DatasetFile.SplitRows;
import dev.temper.contract.Split;
import dev.temper.contract.WorkerJobSpec;
import dev.temper.engine.CnnArchitecture;
import dev.temper.engine.ExportedModel;
import dev.temper.engine.MlpArchitecture;
import dev.temper.engine.TabularData;
import dev.temper.engine.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        Map<Split, SplitRows> splits = fetchDataset();
        switch (spec.kind()) {
            case PRETRAIN -> upload(pretrain(spec, splits));
            case FINETUNE -> upload(Trainer.fineTune(fetchInputModel(), data(splits, Split.TRAIN, spec),
                    data(splits, Split.VALIDATION, spec), spec.strategy(), this::report,
                    workDir.resolve("export")));
            case EVALUATE -> evaluate(spec, splits);
        }
    }

    private void evaluate(WorkerJobSpec spec, Map<Split, SplitRows> splits) throws IOException {
        Path model = fetchInputModel();
        // Corruption errors are relative to the base model; only image models meet corruptions.
        Path baseline = spec.hasBaselineModel() && EvaluationRun.isImageModel(model)
                ? fetchModel("/baseline-model", "baseline-model") : null;
        server.post("/evaluation", EvaluationRun.evaluate(model, data(splits, Split.TEST, spec),
                spec.evaluation(), baseline));
    }

    private ExportedModel pretrain(WorkerJobSpec spec, Map<Split, SplitRows> splits) {
        TabularData train = data(splits, Split.TRAIN, spec);
        TabularData validation = data(splits, Split.VALIDATION, spec);
        Path export = workDir.resolve("export");
        ArchitectureSpec a = spec.architecture();
        return a.type() == ArchitectureSpec.Type.CNN
                ? Trainer.pretrain(new CnnArchitecture(a.height(), a.width(), a.channels(), a.convFilters(),
                        a.denseWidths()), train, validation, spec.strategy(), this::report, export)
                : Trainer.pretrain(new MlpArchitecture(a.hiddenWidths()), train, validation, spec.strategy(),
                        this::report, export);
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

    private Map<Split, SplitRows> fetchDataset() throws IOException {
        Path file = workDir.resolve("dataset");
        server.download("/dataset", file);
        return DatasetFiles.readSplits(file);
    }

    private Path fetchInputModel() throws IOException {
        return fetchModel("/input-model", "input-model");
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
