package dev.temper.engine.evaluation.attacks;

import java.util.Random;

/** How the gradient-free search picks its first point and its next candidate; both stay on the epsilon ball. */
public interface SearchProposal {

    /** Short name recorded in reports, e.g. "coordinates" or "squares". */
    String name();

    float[] start(float[] clean, double epsilon, InputBounds bounds, Random random);

    /** A candidate that re-draws about {@code fraction} of the input around {@code current}. */
    float[] next(float[] clean, float[] current, double epsilon, double fraction, InputBounds bounds, Random random);
}
