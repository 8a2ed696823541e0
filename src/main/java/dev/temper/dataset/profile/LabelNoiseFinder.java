package dev.temper.dataset.profile;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Finds samples whose label is probably wrong, the confident-learning way (Northcutt et al., 2021): a
 * quick model predicts every sample out of fold; a class counts as likely for a sample when its
 * probability reaches that class's threshold (the mean probability the class gets on its own samples,
 * which adapts to classes the model finds hard); a sample is a suspect when the most probable of its
 * likely classes is not its label.
 *
 * <p>All values are held in memory, so this runs as a background task, not in a request.
 */
public final class LabelNoiseFinder {

    private static final double LOADED = 0.05;
    private static final double TRAINED = 0.95;

    private LabelNoiseFinder() {
    }

    /** Searches until done; stops with {@link CancellationException} when the thread is interrupted. */
    public static LabelNoiseReport find(Path canonicalFile, NoiseSearchSettings settings, ProgressListener progress)
            throws IOException {
        return find(canonicalFile, settings, progress, () -> false);
    }

    /**
     * Searches until done or until {@code cancelled} answers true or the thread is interrupted, whichever
     * comes first; then it throws {@link CancellationException}.
     */
    public static LabelNoiseReport find(Path canonicalFile, NoiseSearchSettings settings, ProgressListener progress,
            BooleanSupplier cancelled) throws IOException {
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
        progress.progress(0, "Reading samples");
        LoadedSamples samples;
        try (InputStream in = Files.newInputStream(canonicalFile)) {
            samples = LoadedSamples.read(in);
        } catch (ClosedByInterruptException e) {
            throw cancelled();
        }
        if (stop.getAsBoolean()) {
            throw cancelled();
        }
        DatasetHeader header = samples.header();
        if (samples.size() < settings.folds()) {
            throw new IllegalArgumentException("The search for label errors needs at least " + settings.folds()
                    + " samples for " + settings.folds() + " folds; this dataset has " + samples.size() + ".");
        }
        progress.progress(LOADED, "Samples read");
        double[][] probabilities = outOfFoldProbabilities(samples, settings, progress, stop);
        progress.progress(TRAINED, "Ranking suspects");
        double[] thresholds = thresholds(probabilities, samples.labels(), header.classCount());
        List<LabelSuspect> suspects = suspects(samples, probabilities, thresholds);
        Map<String, Double> thresholdsByName = new LinkedHashMap<>();
        for (int c = 0; c < header.classCount(); c++) {
            thresholdsByName.put(header.classNames().get(c), Double.isInfinite(thresholds[c]) ? null : thresholds[c]);
        }
        LabelNoiseReport report = new LabelNoiseReport(suspects, accuracy(probabilities, samples.labels()),
                settings.folds(), samples.size(), thresholdsByName);
        progress.progress(1, "Done");
        return report;
    }

    private static CancellationException cancelled() {
        return new CancellationException("The search for label errors was cancelled.");
    }

    private static double[][] outOfFoldProbabilities(LoadedSamples samples, NoiseSearchSettings settings,
            ProgressListener progress, BooleanSupplier stop) {
        int classCount = samples.header().classCount();
        int[] fold = StratifiedFolds.assign(samples.labels(), classCount, settings.folds(), settings.seed());
        double[][] probabilities = new double[samples.size()][];
        double stepsPerFold = settings.epochs();
        for (int k = 0; k < settings.folds(); k++) {
            int[] training = rowsWhere(fold, k, false);
            int[] held = rowsWhere(fold, k, true);
            int currentFold = k;
            String stage = "Training fold " + (k + 1) + " of " + settings.folds();
            SoftmaxRegression model = SoftmaxRegression.train(samples.values(), samples.labels(), training,
                    classCount, samples.header().valueCount(), settings, new Random(settings.seed() + k),
                    epochs -> progress.progress(LOADED + (TRAINED - LOADED)
                            * (currentFold * stepsPerFold + epochs) / (settings.folds() * stepsPerFold), stage),
                    stop);
            for (int row : held) {
                probabilities[row] = model.predict(samples.values()[row]);
            }
        }
        return probabilities;
    }

    private static int[] rowsWhere(int[] fold, int k, boolean inFold) {
        int count = 0;
        for (int f : fold) {
            if ((f == k) == inFold) {
                count++;
            }
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == k) == inFold) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    /** Mean probability of each class over its own samples; infinite (never likely) for a class without any. */
    private static double[] thresholds(double[][] probabilities, int[] labels, int classCount) {
        double[] sum = new double[classCount];
        int[] count = new int[classCount];
        for (int i = 0; i < labels.length; i++) {
            sum[labels[i]] += probabilities[i][labels[i]];
            count[labels[i]]++;
        }
        double[] thresholds = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            thresholds[c] = count[c] == 0 ? Double.POSITIVE_INFINITY : sum[c] / count[c];
        }
        return thresholds;
    }

    private static List<LabelSuspect> suspects(LoadedSamples samples, double[][] probabilities, double[] thresholds) {
        List<String> names = samples.header().classNames();
        List<LabelSuspect> suspects = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            double[] p = probabilities[i];
            int given = samples.labels()[i];
            int likeliest = -1;
            for (int c = 0; c < p.length; c++) {
                if (p[c] >= thresholds[c] && (likeliest < 0 || p[c] > p[likeliest])) {
                    likeliest = c;
                }
            }
            if (likeliest >= 0 && likeliest != given) {
                suspects.add(new LabelSuspect(i, samples.ids()[i], samples.splits()[i].wireName(), names.get(given),
                        names.get(likeliest), p[given], p[likeliest]));
            }
        }
        suspects.sort(Comparator.comparingDouble(LabelSuspect::givenProbability)
                .thenComparing(Comparator.comparingDouble(LabelSuspect::suggestedProbability).reversed()));
        return suspects;
    }

    private static double accuracy(double[][] probabilities, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    /** A canonical file read whole: values, labels, ids and splits in file order. */
    record LoadedSamples(DatasetHeader header, float[][] values, int[] labels, String[] ids,
            Split[] splits) {

        static LoadedSamples read(InputStream canonical) throws IOException {
            try (DatasetFile.Reader reader = DatasetFile.reader(canonical)) {
                DatasetHeader header = reader.header();
                int n = header.sampleCount();
                LoadedSamples samples = new LoadedSamples(header, new float[n][], new int[n], new String[n],
                        new Split[n]);
                reader.forEachRemaining((index, sample) -> samples.put(index, sample));
                return samples;
            }
        }

        private void put(int index, Sample sample) {
            values[index] = sample.values();
            labels[index] = sample.label();
            ids[index] = sample.id();
            splits[index] = sample.split();
        }

        int size() {
            return labels.length;
        }
    }
}
