package dev.temper.serving.kubernetes;

import dev.temper.registry.AliasMoved;
import dev.temper.registry.ModelAlias;
import dev.temper.registry.ModelRegistryService;
import dev.temper.registry.ModelVersion;
import dev.temper.serving.ServingConfig;
import dev.temper.training.executor.ExecutorConfig;
import dev.temper.training.executor.KubernetesExecutorConfig;
import dev.temper.training.executor.kubernetes.WorkerLabels;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * With the Kubernetes executor, each team's production model is also served in the cluster: after an approval moves
 * the production alias (and commits), the model's Deployment and Service are created or updated to the new version,
 * and the team's serving Deployments of other models are removed (a team has one production model). With the local
 * executor nothing happens here; the server's own endpoint serves.
 */
@ApplicationScoped
public class ServingDeployments {

    private static final Logger LOG = Logger.getLogger(ServingDeployments.class);

    private final ExecutorConfig executor;
    private final ServingConfig serving;
    private final ModelRegistryService registry;
    private final Instance<KubernetesClient> clients;

    ServingDeployments(ExecutorConfig executor, ServingConfig serving, ModelRegistryService registry,
                       Instance<KubernetesClient> clients) {
        this.executor = executor;
        this.serving = serving;
        this.registry = registry;
        this.clients = clients;
    }

    void onAliasMoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasMoved moved) {
        if (executor.type() != ExecutorConfig.Type.KUBERNETES || !ModelAlias.PRODUCTION.equals(moved.alias())) {
            return;
        }
        KubernetesExecutorConfig cluster = executor.kubernetes();
        if (cluster.artifactClaim().isEmpty()) {
            // Serving pods read the version's zip from the artifact volume; without one there is nothing to mount.
            LOG.errorf("Team %s: no serving Deployment, as temper.executor.kubernetes.artifact-claim is not set",
                    moved.team());
            return;
        }
        try {
            ModelVersion version = registry.alias(moved.team(), ModelAlias.PRODUCTION).map(a -> a.modelVersion)
                    .orElseThrow(() -> new IllegalStateException("no production model"));
            apply(new ServingDeploymentBuilder(cluster, serving.kubernetes()), version, cluster.namespace());
        } catch (KubernetesClientException | IllegalStateException e) {
            // The approval stands and the server's own endpoint serves the version; the cluster's copy is behind.
            LOG.errorf(e, "Team %s: the serving Deployment of its production model could not be updated",
                    moved.team());
        }
    }

    /** Serialised: two approvals in a row must leave the later version in the Deployment. */
    private synchronized void apply(ServingDeploymentBuilder builder, ModelVersion version, String namespace) {
        KubernetesClient client = clients.get();
        Deployment deployment = builder.deployment(version);
        Service service = builder.service(version);
        String name = deployment.getMetadata().getName();
        client.apps().deployments().inNamespace(namespace).resource(deployment)
                .createOr(NonDeletingOperation::update);
        client.services().inNamespace(namespace).resource(service).createOr(NonDeletingOperation::update);
        client.apps().deployments().inNamespace(namespace).withLabel(WorkerLabels.MANAGED_BY, WorkerLabels.MANAGER)
                .withLabel(ServingDeploymentBuilder.COMPONENT, ServingDeploymentBuilder.SERVING)
                .withLabel(WorkerLabels.TEAM, WorkerLabels.labelValue(version.team)).list().getItems().stream()
                .filter(other -> !other.getMetadata().getName().equals(name))
                .forEach(other -> {
                    client.apps().deployments().inNamespace(namespace).resource(other).delete();
                    client.services().inNamespace(namespace).withName(other.getMetadata().getName()).delete();
                });
        LOG.infof("Team %s: Deployment %s serves %s (version id %d)", version.team, name, version.label(), version.id);
    }
}
