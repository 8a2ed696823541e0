package dev.temper.base;

/**
 * A committed change that open pages may want to show at once (a job moved, a search progressed, a result
 * arrived). Fired as a CDI event inside the transaction that made the change; pages hear it after the commit.
 */
public interface LiveEvent {

    /** The team whose data changed: pages show it only to members. */
    String team();
}
