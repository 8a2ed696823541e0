package dev.temper.dataset;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.derive.Derivation;
import dev.temper.dataset.derive.DropDuplicatesDerivation;
import dev.temper.dataset.derive.DropMissingDerivation;
import dev.temper.dataset.derive.ExcludeSamplesDerivation;
import dev.temper.dataset.derive.ImputeMissingDerivation;
import dev.temper.dataset.derive.RebalanceDerivation;
import dev.temper.dataset.derive.RelabelDerivation;
import dev.temper.dataset.derive.ResplitDerivation;
import dev.temper.dataset.derive.ShiftDerivation;
import dev.temper.dataset.derive.ShiftKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON body of {@code POST /api/datasets/{id}/derive}: an operation name and the fields it uses, e.g.
 * {@code {"operation": "impute-missing", "method": "median"}} or
 * {@code {"operation": "shift", "kind": "corruption", "corruption": "blur", "severity": 3}}.
 */
public record DerivationRequest(String operation, String method, List<Integer> indices, Map<String, String> newLabels,
        String mode, Long seed, Double train, Double validation, Double test, String kind, Double amount,
        String corruption, Integer severity) {

    public static final List<String> OPERATIONS = List.of("drop-duplicates", "drop-missing", "impute-missing",
            "exclude-samples", "relabel", "rebalance", "resplit", "shift");

    public Derivation toDerivation() {
        if (operation == null || operation.isBlank()) {
            throw ProblemException.badRequest("operation: choose one of " + String.join(", ", OPERATIONS));
        }
        try {
            return switch (operation.strip().toLowerCase(Locale.ROOT)) {
                case "drop-duplicates" -> new DropDuplicatesDerivation();
                case "drop-missing" -> new DropMissingDerivation();
                case "impute-missing" -> new ImputeMissingDerivation(
                        option(ImputeMissingDerivation.Method.class, "method", method));
                case "exclude-samples" -> new ExcludeSamplesDerivation(indices);
                case "relabel" -> new RelabelDerivation(labelsByIndex());
                case "rebalance" -> new RebalanceDerivation(option(RebalanceDerivation.Mode.class, "mode", mode),
                        seedOrDefault());
                case "resplit" -> new ResplitDerivation(UploadParameters.splits(train, validation, test, seed));
                case "shift" -> new ShiftDerivation(shiftKind(), amount == null ? 0 : amount, corruption,
                        severity == null ? 0 : severity, seedOrDefault());
                default -> throw ProblemException.badRequest("operation: '" + operation + "' is not one of "
                        + String.join(", ", OPERATIONS));
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private long seedOrDefault() {
        return seed == null ? SplitPlan.DEFAULT_SEED : seed;
    }

    private Map<Integer, String> labelsByIndex() {
        if (newLabels == null) {
            return null;
        }
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        newLabels.forEach((index, label) -> {
            try {
                byIndex.put(Integer.parseInt(index.strip()), label);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("newLabels: '" + index + "' is not a sample index");
            }
        });
        return byIndex;
    }

    private ShiftKind shiftKind() {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return Arrays.stream(ShiftKind.values())
                .filter(k -> k.wireName().equalsIgnoreCase(kind.strip()) || k.name().equalsIgnoreCase(kind.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind: '" + kind + "' is not one of "
                        + Arrays.stream(ShiftKind.values()).map(ShiftKind::wireName).collect(Collectors.joining(", "))));
    }

    private static <E extends Enum<E>> E option(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }
}
