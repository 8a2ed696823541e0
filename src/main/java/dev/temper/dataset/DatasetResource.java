package dev.temper.dataset;

import dev.temper.base.ProblemException;
import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/datasets")
public class DatasetResource {

    private final DatasetService service;
    private final CurrentUserProvider users;

    DatasetResource(DatasetService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /** Registers a CSV upload; identical content answers 200 with the existing version. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm String name, @RestForm String labelColumn, @RestForm String team,
            @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest("Attach the CSV file as the multipart field 'file'");
        }
        DatasetService.Registration registration = service.register(users.get(), team, name, labelColumn, file.uploadedFile());
        DatasetVersionDto body = DatasetVersionDto.of(registration.version(), registration.reused());
        return registration.reused()
                ? Response.ok(body).build()
                : Response.created(URI.create("/api/datasets/" + body.id())).entity(body).build();
    }

    @GET
    public List<DatasetVersionDto> list() {
        return service.list(users.get()).stream().map(v -> DatasetVersionDto.of(v, false)).toList();
    }

    @GET
    @Path("/{id}")
    public DatasetVersionDto get(@PathParam("id") long id) {
        return DatasetVersionDto.of(service.get(users.get(), id), false);
    }
}
