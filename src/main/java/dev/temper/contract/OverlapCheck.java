package dev.temper.contract;

/**
 * Whether an evaluation's test examples were checked against the samples the evaluated model was trained on
 * (its training version's train and validation splits). In a job's spec it says which check the worker can
 * make; in the submission, which one it made.
 */
public enum OverlapCheck {

    /** The model's training version is another version: its samples were hashed and matching test examples excluded. */
    CHECKED,
    /** The model was trained on the evaluated version itself, whose splits are disjoint by construction. */
    SAME_VERSION,
    /** The model came from outside (no training version known, or one in the old CSV format): no check was possible. */
    UNKNOWN
}
