package dev.temper.evaluation;

import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.storage.ArtifactStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** An evaluation's evidence beyond its leaderboard row, for members of its team (404 for anyone else). */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/evaluations")
public class EvaluationResultResource {

    /** The per-example file's SHA-256, as recorded when it was stored. */
    public static final String SHA256_HEADER = "X-Temper-Sha256";

    private final EvaluationService service;
    private final EvaluationEvidenceService evidence;
    private final PerExampleFiles files;
    private final CurrentUserProvider users;
    private final ArtifactStore store;
    private final AdversarialExamples adversarialExamples;

    EvaluationResultResource(EvaluationService service, EvaluationEvidenceService evidence, PerExampleFiles files,
            CurrentUserProvider users, ArtifactStore store, AdversarialExamples adversarialExamples) {
        this.service = service;
        this.evidence = evidence;
        this.files = files;
        this.users = users;
        this.store = store;
        this.adversarialExamples = adversarialExamples;
    }

    /**
     * What the result page shows: curves with intervals, reliability diagram, confusion matrix, per-class scores,
     * corruptions, noise, provenance and the reliability flags explained; report sections that do not hold up are
     * named in {@code notShown}.
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluationEvidence evidence(@PathParam("id") long id) {
        return evidence.evidence(users.get(), id);
    }

    /**
     * The per-example outcomes as the engine encoded them ({@code PerExampleOutcomes.decode} reads them), with
     * each example's position in the test split; {@code /positions} gives those positions as JSON.
     */
    @GET
    @Path("/{id}/per-example")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response perExample(@PathParam("id") long id) throws IOException {
        EvaluationResult result = service.withPerExample(users.get(), id);
        return Response.ok(store.open(result.perExampleKey)).header(SHA256_HEADER, result.perExampleSha256).build();
    }

    /**
     * Image evaluations: a strip of test images beside their adversarial versions at the largest epsilon, with the
     * true label and the model's predictions, PNGs in base64; read only from a file whose hash is the recorded one.
     * 404 for tables and for rows recorded before strips were kept.
     */
    @GET
    @Path("/{id}/adversarial-examples")
    @Produces(MediaType.APPLICATION_JSON)
    public AdversarialExamplesView adversarialExamples(@PathParam("id") long id) {
        return adversarialExamples.of(users.get(), id);
    }

    /**
     * Per evaluated example, in the order of the per-example file's bits, its position in the test split; read only
     * from a file whose hash is the recorded one.
     */
    @GET
    @Path("/{id}/per-example/positions")
    @Produces(MediaType.APPLICATION_JSON)
    public int[] positions(@PathParam("id") long id) {
        return files.read(service.withPerExample(users.get(), id)).positions();
    }
}
