package dev.temper.evaluation;

import dev.temper.base.Sha256;
import dev.temper.base.problem.ProblemException;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import dev.temper.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.jboss.logging.Logger;

/**
 * An evaluation's per-example outcomes read back from the artifact store, only if they are the bytes whose SHA-256
 * was recorded with the row: a changed, truncated or missing file is refused with a clear message, so that nothing
 * is ever computed from outcomes other than those the evaluation produced.
 */
@ApplicationScoped
public class PerExampleFiles {

    /** Title of the refusal; the file is the server's own, so it answers 500, not the caller's 4xx. */
    public static final String ALTERED = "Stored evidence failed verification";
    /** Far above a real file (100,000 examples at 12 epsilons and 16 attacks is about 3 MB). */
    static final long MAX_BYTES = 256L << 20;
    private static final Logger LOG = Logger.getLogger(PerExampleFiles.class);

    private final ArtifactStore store;

    PerExampleFiles(ArtifactStore store) {
        this.store = store;
    }

    /** @throws ProblemException 400 for a row recorded before outcomes were kept, 500 when the file is not the one recorded */
    public PerExampleOutcomes read(EvaluationResult result) {
        if (result.perExampleKey == null || result.perExampleSha256 == null) {
            throw ProblemException.badRequest("Evaluation " + result.id + " was recorded before per-example outcomes "
                    + "were kept; evaluate " + result.modelVersion.label() + " again to compare it example by example");
        }
        byte[] bytes;
        try {
            if (store.size(result.perExampleKey) > MAX_BYTES) {
                throw altered(result, "the file has grown beyond " + MAX_BYTES + " bytes");
            }
            try (InputStream in = store.open(result.perExampleKey)) {
                bytes = in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw altered(result, "the file is missing from the artifact store");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + result.perExampleKey, e);
        }
        String actual = Sha256.hex(bytes);
        if (!actual.equals(result.perExampleSha256)) {
            throw altered(result, "their SHA-256 is " + actual + ", the evaluation recorded " + result.perExampleSha256);
        }
        return PerExampleOutcomes.decode(bytes);
    }

    private static ProblemException altered(EvaluationResult result, String what) {
        LOG.errorf("Per-example outcomes of evaluation %d (%s) fail verification: %s", result.id,
                result.perExampleKey, what);
        return new ProblemException(500, ALTERED, "The per-example outcomes of evaluation " + result.id
                + " are not the ones recorded: " + what + ". Nothing was computed from them; restore the file from a "
                + "backup or evaluate " + result.modelVersion.label() + " again.");
    }
}
