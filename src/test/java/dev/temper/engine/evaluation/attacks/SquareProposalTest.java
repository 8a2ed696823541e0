package dev.temper.engine.evaluation.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class SquareProposalTest {

    private final SquareProposal squares = new SquareProposal(6, 6, 2);

    @Test
    void startsOnStripesAtTheBallsSurface() {
        float[] clean = new float[72];
        Arrays.fill(clean, 0.5f);
        float[] start = squares.start(clean, 0.1, InputBounds.UNIT, new Random(1));
        for (int x = 0; x < 6; x++) {
            for (int c = 0; c < 2; c++) {
                float top = start[x * 2 + c];
                assertThat(Math.abs(top - 0.5f)).isCloseTo(0.1f, Assertions.within(1e-6f));
                for (int y = 1; y < 6; y++) {
                    assertThat(start[(y * 6 + x) * 2 + c]).isEqualTo(top);
                }
            }
        }
    }

    @Test
    void nextChangesOneSquareWindowOnly() {
        float[] clean = new float[72];
        Arrays.fill(clean, 0.5f);
        float[] current = clean.clone();
        float[] next = squares.next(clean, current, 0.1, 0.25, InputBounds.UNIT, new Random(3));
        int changedPixels = 0;
        for (int pixel = 0; pixel < 36; pixel++) {
            if (next[pixel * 2] != 0.5f || next[pixel * 2 + 1] != 0.5f) {
                changedPixels++;
            }
        }
        // fraction 0.25 of 36 pixels: a 3x3 window.
        assertThat(changedPixels).isEqualTo(9);
    }

    @Test
    void squaresFoolAnImageModelThatScatteredPixelsBarelyMove() {
        // The model averages the image, so only coherent changes move it far; the squares find them sooner.
        AttackTarget averaging = new AttackTarget() {
            @Override
            public int classCount() {
                return 2;
            }

            @Override
            public float[][] logits(float[][] inputs) {
                float[][] logits = new float[inputs.length][2];
                for (int i = 0; i < inputs.length; i++) {
                    double mean = 0;
                    for (float value : inputs[i]) {
                        mean += value;
                    }
                    logits[i][0] = (float) (mean / inputs[i].length - 0.45);
                }
                return logits;
            }

            @Override
            public float[][] lossGradient(float[][] inputs, int[] labels) {
                throw new UnsupportedOperationException("gradient-free test");
            }
        };
        float[][] images = new float[20][72];
        for (float[] image : images) {
            Arrays.fill(image, 0.5f);
        }
        int[] labels = new int[20];
        float[][] bySquares = new RandomSearch(40, InputBounds.UNIT, 1, squares).perturb(averaging, images, labels, 0.1);
        float[][] byCoordinates = new RandomSearch(40, InputBounds.UNIT, 1).perturb(averaging, images, labels, 0.1);
        int squaresFooled = fooled(averaging.logits(bySquares));
        int coordinatesFooled = fooled(averaging.logits(byCoordinates));
        assertThat(squaresFooled).isGreaterThanOrEqualTo(coordinatesFooled);
        assertThat(squaresFooled).isPositive();
    }

    private static int fooled(float[][] logits) {
        int fooled = 0;
        for (float[] row : logits) {
            if (row[1] > row[0]) {
                fooled++;
            }
        }
        return fooled;
    }
}
