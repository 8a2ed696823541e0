package dev.temper.registry;

import dev.temper.security.CurrentUserProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;

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

    public record AliasDto(String team, String alias, long modelVersionId, String modelVersion, String updatedBy,
            Instant updatedAt) {
    }

    private final ModelRegistryService service;
    private final CurrentUserProvider users;

    ModelResource(ModelRegistryService service, CurrentUserProvider users) {
        this.service = service;
        this.users = users;
    }

    @GET
    public List<ModelVersionDto> list() {
        return service.list(users.get()).stream().map(ModelVersionDto::of).toList();
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
