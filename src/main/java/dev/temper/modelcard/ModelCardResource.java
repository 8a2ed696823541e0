package dev.temper.modelcard;

import dev.temper.base.Json;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A model version's card, for members of its team (404 for anyone else): Markdown with Hugging Face front matter,
 * or the front matter alone as JSON or YAML. Headers say whether the card is frozen (approved) or live, and give
 * the SHA-256 of the card's Markdown, the one recorded at approval for a frozen card.
 */
// Same root as ModelResource: JAX-RS then merges the classes' methods instead of letting one shadow the other.
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/models")
public class ModelCardResource {

    public static final String SHA256_HEADER = "X-Temper-Card-Sha256";
    /** FROZEN (rendered at approval, verified against its hash) or LIVE (rendered from the records now). */
    public static final String STATE_HEADER = "X-Temper-Card-State";
    public static final String MARKDOWN = "text/markdown";
    public static final String YAML = "application/yaml";

    private final ModelCardService cards;
    private final CurrentUserProvider users;

    ModelCardResource(ModelCardService cards, CurrentUserProvider users) {
        this.cards = cards;
        this.users = users;
    }

    @GET
    @Path("/{id}/card")
    @Produces(MARKDOWN + ";charset=UTF-8")
    public Response card(@PathParam("id") long id) {
        ModelCard card = cards.card(users.get(), id);
        return headers(Response.ok(card.markdown()), card)
                .header("Content-Disposition", "inline; filename=\"" + card.fileName() + "\"").build();
    }

    /** The card's {@code model-index} metadata, taken from the card itself so that it matches the card's hash. */
    @GET
    @Path("/{id}/card/model-index")
    @Produces({MediaType.APPLICATION_JSON, YAML})
    public Response modelIndex(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        if (!format.equals("json") && !format.equals("yaml")) {
            throw ProblemException.badRequest("format must be json or yaml, got '" + format + "'");
        }
        ModelCard card = cards.card(users.get(), id);
        String yaml = card.frontMatter();
        Response.ResponseBuilder response = format.equals("yaml")
                ? Response.ok(yaml, YAML + ";charset=UTF-8")
                : Response.ok(Json.write(ModelIndex.read(yaml)), MediaType.APPLICATION_JSON);
        return headers(response, card).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, ModelCard card) {
        return response.header(SHA256_HEADER, card.sha256()).header(STATE_HEADER, card.frozen() ? "FROZEN" : "LIVE");
    }
}
