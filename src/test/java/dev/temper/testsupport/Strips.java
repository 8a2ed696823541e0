package dev.temper.testsupport;

import dev.temper.engine.evaluation.AdversarialStrip;
import dev.temper.engine.evaluation.AdversarialStrip.Example;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Strips of adversarial examples consistent with a {@link Submissions} report at its epsilon (L-inf 0.1): the
 * first example held (it is among the robust ones), and the first example that is right clean but not robust
 * is shown fooled, moved by exactly epsilon. Tests change one thing to make them bad.
 */
public record Strips(int height, int width, int channels, int classCount, List<Example> examples) {

    public static final float GREY = 0.5f;

    public static Strips consistentWith(Submissions report, int height, int width, int channels, int classCount) {
        int values = height * width * channels;
        int fooled = report.robust();
        return new Strips(height, width, channels, classCount, List.of(
                new Example(0, Submissions.ATTACK, 1, 1, 1, grey(values), moved(values, 0.05f)),
                new Example(report.positions()[fooled], Submissions.ATTACK, 3, 3, 5, grey(values),
                        moved(values, (float) Submissions.EPSILON))));
    }

    public Strips withExample(int index, Example example) {
        Example[] changed = examples.toArray(new Example[0]);
        changed[index] = example;
        return new Strips(height, width, channels, classCount, List.of(changed));
    }

    public Strips withExamples(List<Example> others) {
        return new Strips(height, width, channels, classCount, others);
    }

    public AdversarialStrip strip() {
        return new AdversarialStrip("LINF", Submissions.EPSILON, height, width, channels, classCount, examples);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(strip().encode());
    }

    public static float[] grey(int values) {
        float[] image = new float[values];
        Arrays.fill(image, GREY);
        return image;
    }

    /** Grey with every other value raised by {@code by}: an L-inf distance of exactly {@code by}. */
    public static float[] moved(int values, float by) {
        float[] image = grey(values);
        for (int j = 0; j < values; j += 2) {
            image[j] += by;
        }
        return image;
    }
}
