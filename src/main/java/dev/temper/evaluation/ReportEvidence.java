package dev.temper.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.engine.evaluation.metrics.ConfusionMatrix;
import dev.temper.evaluation.EvaluationEvidence.AttackRun;
import dev.temper.evaluation.EvaluationEvidence.Bin;
import dev.temper.evaluation.EvaluationEvidence.ClassScores;
import dev.temper.evaluation.EvaluationEvidence.Confusion;
import dev.temper.evaluation.EvaluationEvidence.CorruptionRow;
import dev.temper.evaluation.EvaluationEvidence.Estimate;
import dev.temper.evaluation.EvaluationEvidence.NoisePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sections of an engine report that the result page shows, trusting none of it: every list is bounded,
 * every count checked against the evaluation's checked row (as many examples, as many right clean), shares and
 * intervals recomputed from counts, per-class scores derived from the confusion matrix, text kept short and
 * printable. A section that fails is left out with its reason; the others still show.
 */
final class ReportEvidence {

    /** Far above a real report (a 100-class confusion matrix is about 60 KB); SubmissionCheck refuses longer ones. */
    static final int MAX_REPORT_CHARS = 8_000_000;
    static final int MAX_CLASSES = 256;
    static final int MAX_BINS = 100;
    static final int MAX_POINTS = 32;
    static final int MAX_CORRUPTIONS = 32;
    static final int MAX_SEVERITIES = 10;
    static final int MAX_PARAMETERS = 32;
    private static final int MAX_NAME = SubmissionCheck.MAX_NAME_LENGTH;
    private static final int MAX_TEXT = SubmissionCheck.MAX_ENGINE_VERSION_LENGTH;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportEvidence() {
    }

    /** What the checked row says, against which the report is read. */
    record Row(int examples, int cleanCorrect, String modelSha256, List<String> classNames) {
    }

    record Sections(List<Bin> bins, Confusion confusion, List<ClassScores> perClass, List<CorruptionRow> corruptions,
                    List<NoisePoint> noise, Long seed, String tensorflowVersion, String djlVersion,
                    List<AttackRun> attacks, Long corruptionSeed, Long noiseSeed, List<String> notShown) {
    }

    /** A section's reason for being left out. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static Sections read(String json, Row row) {
        Sections empty = new Sections(List.of(), null, List.of(), List.of(), List.of(), null, null, null, List.of(),
                null, null, List.of());
        if (json == null || json.isBlank()) {
            return withNote(empty, "Report: none was stored with this evaluation");
        }
        if (json.length() > MAX_REPORT_CHARS) {
            return withNote(empty, "Report: longer than " + MAX_REPORT_CHARS + " characters, not read");
        }
        JsonNode report;
        try {
            report = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return withNote(empty, "Report: not readable JSON");
        }
        if (report == null || !report.isObject()) {
            return withNote(empty, "Report: not a JSON object");
        }
        return new Reader(report, row).read();
    }

    private static Sections withNote(Sections s, String note) {
        return new Sections(s.bins(), s.confusion(), s.perClass(), s.corruptions(), s.noise(), s.seed(),
                s.tensorflowVersion(), s.djlVersion(), s.attacks(), s.corruptionSeed(), s.noiseSeed(), List.of(note));
    }

    /** One report read against one row; collects what it leaves out. */
    private static final class Reader {

        private final JsonNode report;
        private final Row row;
        private final List<String> notShown = new ArrayList<>();

        Reader(JsonNode report, Row row) {
            this.report = report;
            this.row = row;
        }

        Sections read() {
            JsonNode clean = present(report.get("clean"));
            if (clean == null) {
                notShown.add("Clean metrics: not in the report, so no reliability diagram, confusion matrix or "
                        + "per-class scores");
            }
            List<Bin> bins = clean == null ? List.of()
                    : section("Reliability diagram", List.of(), () -> bins(clean.path("calibration").path("bins")));
            Confusion confusion = clean == null ? null
                    : section("Confusion matrix", null, () -> confusion(clean.path("confusion").path("counts")));
            List<ClassScores> perClass = confusion == null ? List.of() : perClass(confusion);
            JsonNode noise = present(report.get("noise"));
            List<NoisePoint> noisePoints = noise == null ? List.of()
                    : section("Gaussian noise", List.of(), () -> noise(noise.path("points")));
            JsonNode corruptions = present(report.get("corruptions"));
            List<CorruptionRow> corruptionRows = corruptions == null ? List.of()
                    : section("Corruptions", List.of(), () -> corruptions(corruptions.path("types")));
            JsonNode provenance = present(report.get("provenance"));
            boolean sameModel = provenance == null || section("Provenance", false, () -> sameModel(provenance));
            JsonNode adversarial = present(report.get("adversarial"));
            List<AttackRun> attacks = adversarial == null || !sameModel ? List.of()
                    : section("Attack parameters", List.of(), () -> attacks(adversarial.path("attacks")));
            JsonNode from = sameModel ? provenance : null;
            return new Sections(bins, confusion, perClass, corruptionRows, noisePoints,
                    optionalLong(from, "seed"), optionalText(from, "tensorflowVersion"),
                    optionalText(from, "djlVersion"), attacks,
                    corruptions == null ? null : optionalLong(corruptions, "seed"),
                    noise == null ? null : optionalLong(noise, "seed"), List.copyOf(notShown));
        }

        private <T> T section(String name, T absent, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (Refused refused) {
                notShown.add(name + ": " + refused.getMessage());
                return absent;
            }
        }

        private List<Bin> bins(JsonNode array) {
            List<JsonNode> items = array(array, MAX_BINS, "bins");
            List<Bin> bins = new ArrayList<>(items.size());
            long total = 0;
            for (JsonNode bin : items) {
                double lower = fraction(bin.get("lower"), "a bin's lower edge");
                double upper = fraction(bin.get("upper"), "a bin's upper edge");
                if (lower > upper) {
                    throw new Refused("a bin's lower edge " + lower + " lies above its upper edge " + upper);
                }
                int count = count(bin.get("count"), "a bin's count");
                total += count;
                bins.add(new Bin(lower, upper, count, fraction(bin.get("meanConfidence"), "a bin's mean confidence"),
                        fraction(bin.get("accuracy"), "a bin's accuracy")));
            }
            if (total != row.examples()) {
                throw new Refused("its bins hold " + total + " examples, the evaluation has " + row.examples());
            }
            return List.copyOf(bins);
        }

        private Confusion confusion(JsonNode counts) {
            List<JsonNode> rows = array(counts, MAX_CLASSES, "classes");
            int classes = rows.size();
            int[][] matrix = new int[classes][];
            long total = 0;
            long diagonal = 0;
            for (int t = 0; t < classes; t++) {
                List<JsonNode> cells = array(rows.get(t), classes, "predicted classes");
                if (cells.size() != classes) {
                    throw new Refused("row " + t + " has " + cells.size() + " cells, not " + classes);
                }
                matrix[t] = new int[classes];
                for (int p = 0; p < classes; p++) {
                    matrix[t][p] = count(cells.get(p), "a count");
                    total += matrix[t][p];
                }
                diagonal += matrix[t][t];
            }
            if (total != row.examples()) {
                throw new Refused("its counts add up to " + total + " examples, the evaluation has " + row.examples());
            }
            if (diagonal != row.cleanCorrect()) {
                throw new Refused("its diagonal holds " + diagonal + " right predictions, clean accuracy counts "
                        + row.cleanCorrect());
            }
            List<String> names = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                names.add(row.classNames().size() == classes ? row.classNames().get(c) : "class " + c);
            }
            return new Confusion(List.copyOf(names), matrix);
        }

        private static List<ClassScores> perClass(Confusion confusion) {
            return new ConfusionMatrix(confusion.counts()).perClass().stream()
                    .map(c -> new ClassScores(c.classIndex(), confusion.classes().get(c.classIndex()), c.support(),
                            c.precision(), c.recall(), c.f1()))
                    .toList();
        }

        private List<NoisePoint> noise(JsonNode points) {
            List<NoisePoint> noise = new ArrayList<>();
            for (JsonNode point : array(points, MAX_POINTS, "noise levels")) {
                double sigma = nonNegative(point.get("sigma"), "sigma");
                noise.add(new NoisePoint(sigma, estimate(point.get("accuracy"), "sigma " + sigma)));
            }
            return List.copyOf(noise);
        }

        private List<CorruptionRow> corruptions(JsonNode types) {
            List<CorruptionRow> rows = new ArrayList<>();
            for (JsonNode type : array(types, MAX_CORRUPTIONS, "corruption types")) {
                String name = text(type.get("type"), MAX_NAME, "a corruption type");
                List<Estimate> severities = new ArrayList<>();
                for (JsonNode severity : array(type.get("bySeverity"), MAX_SEVERITIES, "severities of " + name)) {
                    severities.add(estimate(severity, name));
                }
                if (severities.isEmpty()) {
                    throw new Refused(name + " has no severities");
                }
                JsonNode relative = present(type.get("relativeError"));
                rows.add(new CorruptionRow(name, List.copyOf(severities),
                        severities.stream().mapToDouble(Estimate::value).average().orElseThrow(),
                        relative == null ? null : nonNegative(relative, "the relative error of " + name)));
            }
            return List.copyOf(rows);
        }

        private boolean sameModel(JsonNode provenance) {
            String model = text(provenance.get("modelSha256"), 64, "the model's hash");
            if (!model.equals(row.modelSha256())) {
                throw new Refused("the report names model " + model + ", the evaluation " + row.modelSha256()
                        + "; its seed, versions and attack parameters are not shown");
            }
            return true;
        }

        private List<AttackRun> attacks(JsonNode array) {
            List<AttackRun> attacks = new ArrayList<>();
            for (JsonNode attack : array(array, SubmissionCheck.MAX_ATTACKS, "attacks")) {
                String name = text(attack.get("name"), MAX_NAME, "an attack's name");
                JsonNode parameters = present(attack.get("parameters"));
                Map<String, Object> values = new LinkedHashMap<>();
                if (parameters != null) {
                    if (!parameters.isObject() || parameters.size() > MAX_PARAMETERS) {
                        throw new Refused("the parameters of " + name + " are not an object of at most "
                                + MAX_PARAMETERS + " values");
                    }
                    parameters.fields().forEachRemaining(p -> values.put(printable(p.getKey(), MAX_NAME,
                            "a parameter name of " + name), value(p.getValue(), name + "." + p.getKey())));
                }
                attacks.add(new AttackRun(name, values));
            }
            return List.copyOf(attacks);
        }

        /** A number, a truth value or a short text; anything else is refused. */
        private static Object value(JsonNode node, String what) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isNumber() && Double.isFinite(node.doubleValue())) {
                return node.doubleValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (!node.isTextual()) {
                throw new Refused(what + " is not a number, a truth value or a short text");
            }
            return printable(node.textValue(), MAX_TEXT, what);
        }

        /** The engine's Accuracy: counts over the evaluation's examples; share and interval recomputed. */
        private Estimate estimate(JsonNode accuracy, String what) {
            if (present(accuracy) == null) {
                throw new Refused("no accuracy for " + what);
            }
            int examples = count(accuracy.get("examples"), "examples of " + what);
            int correct = count(accuracy.get("correct"), "correct examples of " + what);
            if (examples != row.examples() || correct > examples) {
                throw new Refused(what + " counts " + correct + " of " + examples + " examples, the evaluation has "
                        + row.examples());
            }
            return Estimate.of(correct, examples);
        }

        private static Long optionalLong(JsonNode parent, String field) {
            JsonNode node = parent == null ? null : parent.get(field);
            return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
        }

        private static String optionalText(JsonNode parent, String field) {
            JsonNode node = parent == null ? null : parent.get(field);
            if (node == null || !node.isTextual()) {
                return null;
            }
            try {
                return printable(node.textValue(), MAX_TEXT, field);
            } catch (Refused refused) {
                return null;
            }
        }
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static List<JsonNode> array(JsonNode node, int max, String what) {
        if (node == null || !node.isArray()) {
            throw new Refused("its " + what + " are missing");
        }
        if (node.size() > max) {
            throw new Refused(node.size() + " " + what + ", more than the " + max + " shown");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    private static int count(JsonNode node, String what) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new Refused(what + " is not a count");
        }
        return node.intValue();
    }

    private static double fraction(JsonNode node, String what) {
        double value = nonNegative(node, what);
        if (value > 1) {
            throw new Refused(what + " is " + value + ", not a share between 0 and 1");
        }
        return value;
    }

    private static double nonNegative(JsonNode node, String what) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
            throw new Refused(what + " is not a finite number >= 0");
        }
        return node.doubleValue();
    }

    private static String text(JsonNode node, int max, String what) {
        if (node == null || !node.isTextual()) {
            throw new Refused(what + " is missing");
        }
        return printable(node.textValue(), max, what);
    }

    private static String printable(String value, int max, String what) {
        if (value.isBlank() || value.length() > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new Refused(what + " is not printable text of at most " + max + " characters");
        }
        return value;
    }
}
