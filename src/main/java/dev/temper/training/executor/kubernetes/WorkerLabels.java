package dev.temper.training.executor.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels Temper puts on each worker's Job, pod and Secret: they name the job and attempt an event is
 * about, and select what Temper watches and deletes.
 */
public final class WorkerLabels {

    public static final String JOB_ID = "temper.dev/job-id";
    public static final String ATTEMPT = "temper.dev/attempt";
    public static final String TEAM = "temper.dev/team";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "temper";
    static final String NAME = "app.kubernetes.io/name";
    static final String WORKER = "temper-worker";

    private static final int MAX_VALUE_LENGTH = 63;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern EDGE = Pattern.compile("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$");

    /** One attempt at one job, as the labels name it. */
    public record Attempt(long jobId, int attempt) {
    }

    private WorkerLabels() {
    }

    static Map<String, String> of(long jobId, int attempt, String team) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, WORKER);
        labels.put(MANAGED_BY, MANAGER);
        labels.put(JOB_ID, Long.toString(jobId));
        labels.put(ATTEMPT, Integer.toString(attempt));
        labels.put(TEAM, labelValue(team));
        return labels;
    }

    /** The attempt a Job, pod or Secret belongs to; empty for one that does not carry Temper's labels. */
    public static Optional<Attempt> attemptOf(HasMetadata resource) {
        Map<String, String> labels = resource.getMetadata() == null ? null : resource.getMetadata().getLabels();
        if (labels == null || !MANAGER.equals(labels.get(MANAGED_BY))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Attempt(Long.parseLong(labels.get(JOB_ID)), Integer.parseInt(labels.get(ATTEMPT))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A team name as a label value: at most 63 characters of letters, digits, '-', '_' and '.', beginning
     * and ending with a letter or digit. Other characters become '-'; the label is for selecting, the team
     * itself is in Temper's database.
     */
    public static String labelValue(String text) {
        String value = INVALID.matcher(text == null ? "" : text).replaceAll("-");
        if (value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH);
        }
        return EDGE.matcher(value).replaceAll("");
    }
}
