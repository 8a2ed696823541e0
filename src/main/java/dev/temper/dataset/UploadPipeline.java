package dev.temper.dataset;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.derive.SplitAssigner;
import dev.temper.dataset.format.DatasetImporter;
import dev.temper.dataset.format.ImportLimits;
import dev.temper.dataset.format.ImportRequest;
import dev.temper.dataset.format.InvalidUploadException;
import dev.temper.dataset.format.StagedDataset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Upload to canonical file, streaming: validate and stage the samples, assign stratified splits (copies
 * of one sample share a split), write the canonical file while hashing it. Memory grows with the sample
 * count (labels and sample hashes), not with the samples' size.
 */
final class UploadPipeline {

    private UploadPipeline() {
    }

    static CanonicalFile canonicalise(UploadCommand command, ImportLimits limits, Path work) throws IOException {
        SplitPlan plan = command.splits() == null ? SplitPlan.DEFAULT : command.splits();
        ImportRequest request = new ImportRequest(command.format(), blankToNull(command.labelColumn()),
                blankToNull(command.idColumn()), command.imageShape());
        try (StagedDataset staged = DatasetImporter.stage(request, command.files(), limits, work)) {
            DatasetHeader header = staged.header().withSplits(plan);
            Split[] splits = SplitAssigner.assign(staged.labels(), staged.sampleHashes(), header.classCount(), plan);
            return CanonicalFile.write(work.resolve("canonical"), CanonicalFile.samples(header,
                    writer -> staged.forEach((index, sample) -> writer.write(sample.withSplit(splits[index])))));
        } catch (InvalidUploadException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
