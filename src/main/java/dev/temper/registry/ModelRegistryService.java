package dev.temper.registry;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetVersion;
import dev.temper.security.CurrentUser;
import dev.temper.security.TeamFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
@Transactional
public class ModelRegistryService {

    private final ModelVersionRepository versions;
    private final ModelAliasRepository aliases;
    private final AuditLog audit;
    private final Event<ModelRegistered> registered;
    private final Event<AliasMoved> aliasMoved;

    ModelRegistryService(ModelVersionRepository versions, ModelAliasRepository aliases, AuditLog audit,
            Event<ModelRegistered> registered, Event<AliasMoved> aliasMoved) {
        this.versions = versions;
        this.aliases = aliases;
        this.audit = audit;
        this.registered = registered;
        this.aliasMoved = aliasMoved;
    }

    /** Registers the output of a job (called by the server on the worker's behalf) and announces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ModelVersion register(NewModelVersion n) {
        ModelVersion v = new ModelVersion();
        v.team = n.team();
        v.name = n.name();
        v.version = versions.latestVersion(n.team(), n.name()) + 1;
        v.sha256 = n.sha256();
        v.artifactKey = n.artifactKey();
        v.manifestJson = n.manifestJson();
        v.baseVersion = n.baseVersion();
        v.datasetVersion = n.datasetVersion();
        v.jobId = n.jobId();
        v.settingsJson = n.settingsJson();
        v.createdBy = n.createdBy();
        v.createdAt = Instant.now();
        versions.persist(v);
        // The worker of the job registers the model; the person who created the job stays its creator.
        audit.record(AuditLog.workerActor(n.jobId()), n.team(), AuditAction.MODEL_REGISTER, v.id,
                v.label() + " from job " + n.jobId() + (n.baseVersion() == null ? "" : " base " + n.baseVersion().label()));
        registered.fire(new ModelRegistered(v));
        return v;
    }

    /**
     * The rows {@code [offset, offset + limit)} of the versions the user may see whose label ("name v3") contains
     * {@code labelContains} (any case) when given: a picker's page, read in the database while the user types.
     */
    // A transaction of its own (the class's), not SUPPORTS: a picker fetches outside any request.
    public List<ModelVersion> pick(CurrentUser user, String labelContains, int offset, int limit) {
        return versions.slice(user.teams(), labelContains, null, offset, limit);
    }

    /**
     * Like {@link #pick}, narrowed to the versions of the dataset version's team that {@link ModelFitsDataset fit}
     * it for evaluation; nothing when the user is not of that team.
     */
    public List<ModelVersion> pickForEvaluation(CurrentUser user, DatasetVersion dataset, String labelContains,
            int offset, int limit) {
        Set<String> teams = TeamFilter.teams(user, dataset.team);
        if (teams.isEmpty()) {
            return List.of();
        }
        List<Long> trainedOn = versions.trainingVersionsFitting(dataset);
        return trainedOn.isEmpty() ? List.of() : versions.slice(teams, labelContains, trainedOn, offset, limit);
    }

    /**
     * One page of the versions the user may see, narrowed to one of the user's teams and to names containing
     * {@code nameContains} when those are given; sorted by {@code sort} (name, version, created).
     */
    // A transaction of its own, not SUPPORTS: lazy grids fetch their pages while a push is written, outside
    // any request, where only a transaction gives Hibernate a session.
    @Transactional
    public Page<ModelVersion> page(CurrentUser user, String team, String nameContains, PageRequest request,
            String sort) {
        return versions.page(TeamFilter.teams(user, team), nameContains, request, sort);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModelVersion get(CurrentUser user, long id) {
        return versions.getForTeams(id, user.teams(), "Model version");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModelAlias> aliases(CurrentUser user) {
        return aliases.listForTeams(user.teams());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ModelAlias> alias(String team, String alias) {
        return aliases.find(team, alias);
    }

    /**
     * Points a team alias at a version and announces it (observers that serve the alias wait for the commit);
     * only the approval workflow calls this.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAlias(String actor, ModelVersion version, String aliasName) {
        ModelAlias alias = aliases.find(version.team, aliasName).orElseGet(() -> {
            ModelAlias created = new ModelAlias();
            created.team = version.team;
            created.alias = aliasName;
            return created;
        });
        alias.modelVersion = version;
        alias.updatedBy = actor;
        alias.updatedAt = Instant.now();
        aliases.persist(alias);
        audit.record(actor, version.team, AuditAction.MODEL_ALIAS, version.id,
                aliasName + " -> " + version.label());
        aliasMoved.fire(new AliasMoved(version.team, aliasName, version.id));
    }
}
