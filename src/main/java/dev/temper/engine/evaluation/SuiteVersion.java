package dev.temper.engine.evaluation;

/**
 * Which attack sequence measures robust accuracy. A leaderboard row records the version it was measured
 * with, so that rows measured by an older or weaker sequence can be told apart.
 */
public enum SuiteVersion {

    /** AutoAttack's sequence (APGD-CE, targeted APGD-DLR, Square), each on the examples still robust. */
    STANDARD,
    /** A fast preview for CI and drafts: PGD and a short Square run; rows name their suite. */
    QUICK
}
