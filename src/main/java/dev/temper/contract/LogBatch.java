package dev.temper.contract;

import java.util.List;

public record LogBatch(List<LogLine> lines) {

    public LogBatch {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
