package dev.temper.training;

/** QUEUED -> STARTING -> RUNNING -> SUCCEEDED | FAILED | CANCELLED. */
public enum JobState {
    QUEUED, STARTING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }
}
