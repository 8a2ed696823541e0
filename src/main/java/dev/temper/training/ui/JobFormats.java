package dev.temper.training.ui;

import java.util.Locale;

/** How a job's remaining time and the compute it used read in the job list and on the job page. */
final class JobFormats {

    private static final int MINUTE = 60;
    private static final int HOUR = 60 * MINUTE;

    private JobFormats() {
    }

    /** Time left, rounded as people say it: "about 3 min"; "—" while there is no estimate yet. */
    static String eta(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        if (seconds < MINUTE) {
            return "under a minute";
        }
        if (seconds < HOUR) {
            return "about " + Math.round(seconds / (double) MINUTE) + " min";
        }
        return "about " + oneDecimal(seconds / (double) HOUR) + " h";
    }

    /**
     * The compute a job has used: GPU time for jobs that hold GPUs ("1.5 GPU·h", "12 GPU·min"), else
     * its run time ("run 4 min"); "—" before it has run at all.
     */
    static String usage(int gpus, double runSeconds, double gpuSeconds) {
        if (runSeconds <= 0) {
            return "—";
        }
        return gpus > 0 ? amount(gpuSeconds, " GPU·") : "run " + amount(runSeconds, " ");
    }

    /** Seconds in the largest unit that keeps the number readable: "40 s", "12 min", "1.5 h". */
    private static String amount(double seconds, String unitPrefix) {
        if (seconds < MINUTE) {
            return Math.round(seconds) + unitPrefix + "s";
        }
        if (seconds < HOUR) {
            return Math.round(seconds / MINUTE) + unitPrefix + "min";
        }
        return oneDecimal(seconds / HOUR) + unitPrefix + "h";
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
