package dev.temper.dataset;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.DatasetFile;
import dev.temper.dataset.format.UploadFormat;
import dev.temper.dataset.profile.DatasetProfile;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Dataset versions: register (multipart form or streamed body), read with profile and lineage, derive,
 * archive, delete. Every id outside the caller's teams answers 404.
 */
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/datasets")
public class DatasetResource {

    private final DatasetService service;
    private final CurrentUserProvider users;
    private final DatasetConfig config;

    DatasetResource(DatasetService service, CurrentUserProvider users, DatasetConfig config) {
        this.service = service;
        this.users = users;
        this.config = config;
    }

    /**
     * Registers an upload: {@code file} (CSV, ZIP of images, or the IDX images file) and, for IDX,
     * {@code labelsFile}. Identical content answers 200 with the existing version, new content 201.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String name, @RestForm String team, @RestForm String format,
            @RestForm String labelColumn, @RestForm String idColumn, @RestForm String imageShape,
            @RestForm Double trainRatio, @RestForm Double validationRatio, @RestForm Double testRatio,
            @RestForm Long seed, @RestForm String epsilonUnit, @RestForm("file") FileUpload file, @RestForm("labelsFile") FileUpload labelsFile) {
        if (file == null) {
            throw ProblemException.badRequest("Attach the data as the multipart field 'file'");
        }
        if (file.size() > config.maxUploadBytes() || labelsFile != null && labelsFile.size() > config.maxUploadBytes()) {
            throw UploadSpool.tooLarge(config.maxUploadBytes());
        }
        var uploadFormat = UploadParameters.format(format, file.fileName());
        List<java.nio.file.Path> files = new ArrayList<>(List.of(file.uploadedFile()));
        if (labelsFile != null) {
            files.add(labelsFile.uploadedFile());
        }
        UploadCommand command = new UploadCommand(team, name, uploadFormat, labelColumn, idColumn,
                UploadParameters.imageShape(imageShape), UploadParameters.splits(trainRatio, validationRatio, testRatio,
                        seed), UploadParameters.epsilonUnit(epsilonUnit), files);
        return registered(service.register(users.get(), command));
    }

    /** Registers a single-file upload (CSV or ZIP) sent as the raw request body, streamed to disk. */
    @POST
    @Path("/stream")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", "application/zip"})
    public Response uploadStream(@QueryParam("name") String name, @QueryParam("team") String team,
            @QueryParam("format") String format, @QueryParam("labelColumn") String labelColumn,
            @QueryParam("idColumn") String idColumn, @QueryParam("imageShape") String imageShape,
            @QueryParam("trainRatio") Double trainRatio, @QueryParam("validationRatio") Double validationRatio,
            @QueryParam("testRatio") Double testRatio, @QueryParam("seed") Long seed,
            @QueryParam("epsilonUnit") String epsilonUnit, InputStream body)
            throws IOException {
        var uploadFormat = UploadParameters.format(format, null);
        if (uploadFormat == UploadFormat.IDX) {
            throw ProblemException.badRequest("format: IDX needs two files; send them as a multipart form "
                    + "(fields 'file' and 'labelsFile')");
        }
        var shape = UploadParameters.imageShape(imageShape);
        var plan = UploadParameters.splits(trainRatio, validationRatio, testRatio, seed);
        var unit = UploadParameters.epsilonUnit(epsilonUnit);
        service.requireMayRegister(users.get(), team, name);
        java.nio.file.Path spooled = UploadSpool.toTempFile(body, config.maxUploadBytes());
        try {
            return registered(service.register(users.get(), new UploadCommand(team, name, uploadFormat, labelColumn,
                    idColumn, shape, plan, unit, List.of(spooled))));
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /**
     * A page of versions, sorted by {@code name} (the default, newest version first within a name) or
     * {@code created}; archived versions only with {@code archived=true}; {@code name} keeps the datasets whose
     * name contains it.
     */
    @GET
    public Page<DatasetVersionRowDto> list(@BeanParam PageParameters paging,
            @QueryParam("archived") boolean includeArchived, @QueryParam("name") String name) {
        return service.page(users.get(), name, includeArchived, paging.request(), paging.sort())
                .map(DatasetVersionRowDto::of);
    }

    @GET
    @Path("/{id}")
    public DatasetVersionDto get(@PathParam("id") long id) {
        return DatasetVersionDto.of(service.get(users.get(), id), false);
    }

    @GET
    @Path("/{id}/profile")
    public DatasetProfile profile(@PathParam("id") long id) {
        return service.profile(service.get(users.get(), id));
    }

    /** The version and its ancestors, newest first, each with the operation that made it. */
    @GET
    @Path("/{id}/lineage")
    public List<DatasetVersionDto> lineage(@PathParam("id") long id) {
        return service.lineage(users.get(), id).stream().map(v -> DatasetVersionDto.of(v, false)).toList();
    }

    /** The canonical file (format described in {@link DatasetFile}). */
    @GET
    @Path("/{id}/content")
    @Produces(DatasetFile.MEDIA_TYPE)
    public InputStream content(@PathParam("id") long id) throws IOException {
        DatasetVersion version = service.get(users.get(), id);
        DatasetService.requireCanonical(version);
        return service.openContent(version);
    }

    @POST
    @Path("/{id}/derive")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response derive(@PathParam("id") long id, DerivationRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send the operation as JSON, e.g. {\"operation\": \"drop-duplicates\"}");
        }
        return registered(service.derive(users.get(), id, request.toDerivation()));
    }

    @POST
    @Path("/{id}/archive")
    public DatasetVersionDto archive(@PathParam("id") long id) {
        return DatasetVersionDto.of(service.archive(users.get(), id), false);
    }

    @POST
    @Path("/{id}/restore")
    public DatasetVersionDto restore(@PathParam("id") long id) {
        return DatasetVersionDto.of(service.restore(users.get(), id), false);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        service.delete(users.get(), id);
        return Response.noContent().build();
    }

    private static Response registered(DatasetService.Registration registration) {
        DatasetVersionDto body = DatasetVersionDto.of(registration.version(), registration.reused());
        return registration.reused()
                ? Response.ok(body).build()
                : Response.created(URI.create("/api/datasets/" + body.id())).entity(body).build();
    }
}
