package dev.temper.evaluation;

import dev.temper.base.Sha256;
import dev.temper.base.problem.ProblemException;
import dev.temper.engine.evaluation.AdversarialStrip;
import dev.temper.security.CurrentUser;
import dev.temper.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An image evaluation's strip of clean and adversarial examples for members of its team, read back only if its
 * bytes hash to the SHA-256 recorded with the row, and drawn as PNGs with the class names of the dataset version.
 */
@ApplicationScoped
public class AdversarialExamples {

    private static final Logger LOG = Logger.getLogger(AdversarialExamples.class);

    private final EvaluationService evaluations;
    private final ArtifactStore store;

    AdversarialExamples(EvaluationService evaluations, ArtifactStore store) {
        this.evaluations = evaluations;
        this.store = store;
    }

    /**
     * @throws ProblemException 404 for an evaluation of another team or one without a strip (tables, older rows);
     *                          500 when the stored strip is not the one recorded
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AdversarialExamplesView of(CurrentUser user, long evaluationId) {
        return find(user, evaluationId)
                .orElseThrow(() -> ProblemException.notFound("Adversarial examples of evaluation", evaluationId));
    }

    /**
     * The strip for the result page: empty for tables and rows recorded before strips were kept (and, like
     * {@link #of}, 404 for another team's evaluation, 500 for a changed file).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdversarialExamplesView> find(CurrentUser user, long evaluationId) {
        EvaluationResult result = evaluations.get(user, evaluationId);
        if (result.adversarialExamplesKey == null || result.adversarialExamplesSha256 == null) {
            return Optional.empty();
        }
        AdversarialStrip strip = AdversarialStrip.decode(verifiedBytes(result));
        List<String> classes = result.datasetVersion.classNames();
        return Optional.of(new AdversarialExamplesView(result.id, result.modelVersion.label(), strip.norm(),
                strip.epsilon(), result.threatUnit, strip.height(), strip.width(), strip.channels(),
                strip.examples().stream().map(e -> AdversarialExamplesView.Example.of(e, strip, classes)).toList()));
    }

    private byte[] verifiedBytes(EvaluationResult result) {
        byte[] bytes;
        try {
            if (store.size(result.adversarialExamplesKey) > StripCheck.MAX_BYTES) {
                throw altered(result, "the file has grown beyond " + StripCheck.MAX_BYTES + " bytes");
            }
            try (InputStream in = store.open(result.adversarialExamplesKey)) {
                bytes = in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw altered(result, "the file is missing from the artifact store");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + result.adversarialExamplesKey, e);
        }
        String actual = Sha256.hex(bytes);
        String recorded = result.adversarialExamplesSha256.strip();
        if (!actual.equals(recorded)) {
            throw altered(result, "their SHA-256 is " + actual + ", the evaluation recorded " + recorded);
        }
        return bytes;
    }

    private static ProblemException altered(EvaluationResult result, String what) {
        LOG.errorf("Adversarial examples of evaluation %d (%s) fail verification: %s", result.id,
                result.adversarialExamplesKey, what);
        return new ProblemException(500, PerExampleFiles.ALTERED, "The adversarial examples of evaluation "
                + result.id + " are not the ones recorded: " + what + ". Nothing is shown from them; restore the file "
                + "from a backup or evaluate " + result.modelVersion.label() + " again.");
    }
}
