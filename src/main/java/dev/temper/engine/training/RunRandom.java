package dev.temper.engine.training;

import java.util.Random;

/**
 * Random streams of a run, each derived from (seed, epoch, purpose) alone. Nothing carries over from one
 * epoch to the next, so a run resumed at any epoch boundary draws exactly what an uninterrupted run would.
 */
enum RunRandom {
    SHUFFLE, AUGMENT, ATTACK;

    Random forEpoch(long seed, int epoch) {
        // SplitMix64-style mixing so that neighbouring seeds and epochs give unrelated streams.
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + (ordinal() + 1) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
