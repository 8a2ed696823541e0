package dev.temper.registry;

import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A model version's SavedModel archive and its manifest, for members of its team (404 for anyone else). The
 * archive's SHA-256, as recorded at registration, travels in a header so a client can check what it got.
 */
// Same root as ModelResource: JAX-RS then merges the two classes' methods instead of letting one shadow the other.
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/models")
public class ModelArchiveResource {

    public static final String SHA256_HEADER = "X-Temper-Sha256";

    private final ModelPageService pages;
    private final ModelRegistryService models;
    private final CurrentUserProvider users;

    ModelArchiveResource(ModelPageService pages, ModelRegistryService models, CurrentUserProvider users) {
        this.pages = pages;
        this.models = models;
        this.users = users;
    }

    @GET
    @Path("/{id}/archive")
    @Produces("application/zip")
    public Response archive(@PathParam("id") long id) {
        ModelArchive archive = pages.archive(users.get(), id);
        return Response.ok(archive.content())
                .header(SHA256_HEADER, archive.sha256())
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .build();
    }

    /** The manifest the exporter wrote into the archive (architecture, input normalisation, classes). */
    @GET
    @Path("/{id}/manifest")
    @Produces(MediaType.APPLICATION_JSON)
    public String manifest(@PathParam("id") long id) {
        return models.get(users.get(), id).manifestJson;
    }
}
