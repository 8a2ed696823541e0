package dev.temper.training;

import dev.temper.contract.JobKind;
import dev.temper.contract.Strategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to train: PRETRAIN needs a dataset version and optionally hidden widths; FINETUNE also
 * needs a base model version. {@code team} is needed only by users of several teams.
 */
public record JobSubmission(
        @NotNull JobKind kind,
        @NotBlank @Size(max = 120) String modelName,
        @NotNull Long datasetVersionId,
        Long baseModelVersionId,
        @Size(max = 8) List<Integer> hiddenWidths,
        @NotNull @Valid Strategy strategy,
        String team) {
}
