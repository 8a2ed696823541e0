package dev.temper.engine.evaluation;

/**
 * Hears how far a running suite has got, one call per finished step, in order. A STANDARD suite on a large
 * test split runs for minutes; the worker turns these calls into the job's log lines, the benchmark into its
 * breakdown of where the time goes.
 */
@FunctionalInterface
public interface SuiteProgress {

    SuiteProgress SILENT = step -> {
    };

    void finished(SuiteStep step);
}
