package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/** How the Square attack starts and what it proposes under one norm; every point is inside the ball and box. */
interface SquareSteps {

    float[] start(float[] clean, Random random);

    /** A change of one window (L-inf) or two (L2) of {@code current}, sized for the fraction p. */
    float[] propose(float[] clean, float[] current, double p, Random random);
}
