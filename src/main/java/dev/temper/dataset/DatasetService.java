package dev.temper.dataset;

import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.base.ProblemException;
import dev.temper.base.Sha256;
import dev.temper.contract.SplitTable;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.storage.ArtifactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers uploads as immutable dataset versions. A file is validated completely before anything is
 * stored, and a failed registration removes what it wrote: no half-registered versions.
 */
@ApplicationScoped
public class DatasetService {

    public static final long DEFAULT_SPLIT_SEED = 20261125L;

    /** What a registration produced; {@code reused} when identical content was already registered. */
    public record Registration(DatasetVersion version, boolean reused) {
    }

    private final DatasetRepository datasets;
    private final DatasetVersionRepository versions;
    private final ArtifactStore store;
    private final AuditLog audit;

    DatasetService(DatasetRepository datasets, DatasetVersionRepository versions, ArtifactStore store, AuditLog audit) {
        this.datasets = datasets;
        this.versions = versions;
        this.store = store;
        this.audit = audit;
    }

    public Registration register(CurrentUser user, String requestedTeam, String name, String labelColumn, Path upload) {
        user.requireRole(Roles.ML_ENGINEER, "register datasets");
        String team = user.teamFor(requestedTeam);
        String datasetName = requireName(name);
        if (labelColumn == null || labelColumn.isBlank()) {
            throw ProblemException.badRequest("Say which column holds the label ('labelColumn')");
        }
        ParsedTable table = parse(upload, labelColumn.strip());
        String[] splits = StratifiedSplit.assign(table.labels(), table.classNames().size(), DEFAULT_SPLIT_SEED);
        Path canonical = writeCanonical(table, splits);
        try {
            String sha256 = sha256(canonical);
            var existing = QuarkusTransaction.requiringNew().call(() -> versions.findByContent(team, sha256));
            if (existing.isPresent()) {
                return new Registration(existing.get(), true);
            }
            // Content-addressed: a file left by an earlier, rolled-back attempt holds the same bytes.
            String key = "datasets/" + team + "/" + sha256 + ".csv";
            boolean written = !store.exists(key);
            if (written) {
                store.put(key, canonical);
            }
            try {
                DatasetVersion version = QuarkusTransaction.requiringNew().call(() ->
                        persist(user, team, datasetName, labelColumn.strip(), table, splits, sha256, key));
                return new Registration(version, false);
            } catch (RuntimeException e) {
                if (written) {
                    store.delete(key);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the dataset", e);
        } finally {
            deleteQuietly(canonical);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DatasetVersion> list(CurrentUser user) {
        return versions.listForTeams(user.teams());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DatasetVersion get(CurrentUser user, long id) {
        return versions.findForTeams(id, user.teams()).orElseThrow(() -> ProblemException.notFound("Dataset version", id));
    }

    public InputStream openContent(DatasetVersion version) throws IOException {
        return store.open(version.artifactKey);
    }

    private DatasetVersion persist(CurrentUser user, String team, String name, String labelColumn, ParsedTable table,
            String[] splits, String sha256, String key) {
        Dataset dataset = datasets.findByTeamAndName(team, name).orElseGet(() -> {
            Dataset created = new Dataset();
            created.team = team;
            created.name = name;
            created.createdBy = user.username();
            created.createdAt = Instant.now();
            datasets.persist(created);
            return created;
        });
        DatasetVersion version = new DatasetVersion();
        version.dataset = dataset;
        version.team = team;
        version.version = versions.latestVersion(dataset) + 1;
        version.sha256 = sha256;
        version.artifactKey = key;
        version.rowCount = table.rowCount();
        version.featureNamesJson = Json.write(table.featureNames());
        version.labelColumn = labelColumn;
        version.classNamesJson = Json.write(table.classNames());
        version.classCountsJson = Json.write(classCounts(table));
        version.splitSeed = DEFAULT_SPLIT_SEED;
        version.trainCount = count(splits, SplitTable.TRAIN);
        version.validationCount = count(splits, SplitTable.VALIDATION);
        version.testCount = count(splits, SplitTable.TEST);
        version.createdBy = user.username();
        version.createdAt = Instant.now();
        versions.persist(version);
        audit.record(user.username(), team, "dataset.register", "DatasetVersion", version.id,
                version.label() + " sha256=" + sha256 + " rows=" + version.rowCount);
        return version;
    }

    private static ParsedTable parse(Path upload, String labelColumn) {
        try {
            return CsvTableParser.parse(upload, labelColumn);
        } catch (java.nio.charset.MalformedInputException e) {
            throw ProblemException.badRequest("The file is not UTF-8 text; upload a CSV file");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    private static Path writeCanonical(ParsedTable table, String[] splits) {
        try {
            Path file = Files.createTempFile("temper-dataset-", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SplitTable.writeHeader(out, table.featureNames());
                for (int i = 0; i < table.rowCount(); i++) {
                    SplitTable.writeRow(out, splits[i], table.labels()[i], table.features()[i]);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the canonical dataset file", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        var digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    private static Map<String, Integer> classCounts(ParsedTable table) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] perClass = table.classCounts();
        for (int c = 0; c < perClass.length; c++) {
            counts.put(table.classNames().get(c), perClass[c]);
        }
        return counts;
    }

    private static int count(String[] splits, String split) {
        int n = 0;
        for (String s : splits) {
            if (s.equals(split)) {
                n++;
            }
        }
        return n;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("Give the dataset a name");
        }
        String stripped = name.strip();
        if (stripped.length() > Dataset.NAME_MAX_LENGTH) {
            throw ProblemException.badRequest("The name is longer than " + Dataset.NAME_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file; the OS cleans its temp directory.
        }
    }
}
