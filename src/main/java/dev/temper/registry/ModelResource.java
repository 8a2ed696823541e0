package dev.temper.registry;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageParameters;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
@Path("/api/models")
public class ModelResource {

    public record ModelVersionDto(long id, String team, String name, int version, String sha256, Long baseVersionId,
            String baseVersion, long datasetVersionId, String datasetVersion, long jobId, String settings,
            String manifest, String createdBy, Instant createdAt) {

        public static ModelVersionDto of(ModelVersion v) {
            return new ModelVersionDto(v.id, v.team, v.name, v.version, v.sha256,
                    v.baseVersion == null ? null : v.baseVersion.id,
                    v.baseVersion == null ? null : v.baseVersion.label(),
                    v.datasetVersion.id, v.datasetVersion.label(), v.jobId, v.settingsJson, v.manifestJson, v.createdBy,
                    v.createdAt);
        }
    }

    /**
     * A version as a list row: its lineage by id and label, without the manifest and settings JSON, which
     * {@code GET /api/models/{id}} answers.
     */
    public record ModelVersionRowDto(long id, String team, String name, int version, String sha256,
            Long baseVersionId, String baseVersion, long datasetVersionId, String datasetVersion, long jobId,
            String createdBy, Instant createdAt) {

        static ModelVersionRowDto of(ModelVersion v) {
            return new ModelVersionRowDto(v.id, v.team, v.name, v.version, v.sha256,
                    v.baseVersion == null ? null : v.baseVersion.id,
                    v.baseVersion == null ? null : v.baseVersion.label(),
                    v.datasetVersion.id, v.datasetVersion.label(), v.jobId, v.createdBy, v.createdAt);
        }
    }

    public record AliasDto(String team, String alias, long modelVersionId, String modelVersion, String updatedBy,
            Instant updatedAt) {
    }

    private final ModelRegistryService service;
    private final CurrentUserProvider users;

    ModelResource(ModelRegistryService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    /**
     * A page of versions, sorted by {@code name}, {@code version} or {@code created}; {@code name} keeps those
     * whose name contains it, {@code team} those of one of the caller's teams.
     */
    @GET
    public Page<ModelVersionRowDto> list(@BeanParam PageParameters paging, @QueryParam("name") String name,
            @QueryParam("team") String team) {
        return service.page(users.get(), team, name, paging.request(), paging.sort()).map(ModelVersionRowDto::of);
    }

    @GET
    @Path("/{id}")
    public ModelVersionDto get(@PathParam("id") long id) {
        return ModelVersionDto.of(service.get(users.get(), id));
    }

    @GET
    @Path("/aliases")
    public List<AliasDto> aliases() {
        return service.aliases(users.get()).stream()
                .map(a -> new AliasDto(a.team, a.alias, a.modelVersion.id, a.modelVersion.label(), a.updatedBy,
                        a.updatedAt))
                .toList();
    }
}
