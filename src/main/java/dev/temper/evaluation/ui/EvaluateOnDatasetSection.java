package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Component;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.ReadyForJobs;
import dev.temper.dataset.ui.DatasetPageSection;
import dev.temper.evaluation.EvaluationJobs;
import dev.temper.registry.ModelRegistryService;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Adds "evaluate a model on this version" to the dataset page for ml-engineers, where the version takes jobs. */
@ApplicationScoped
class EvaluateOnDatasetSection implements DatasetPageSection {

    private final ModelRegistryService models;
    private final EvaluationJobs evaluationJobs;

    EvaluateOnDatasetSection(ModelRegistryService models, EvaluationJobs evaluationJobs) {
        this.models = models;
        this.evaluationJobs = evaluationJobs;
    }

    @Override
    public Optional<Component> create(CurrentUser user, DatasetVersion version) {
        if (!user.hasRole(Roles.ML_ENGINEER) || !ReadyForJobs.check(version).allowed()) {
            return Optional.empty();
        }
        return Optional.of(new EvaluatePanel(user, version,
                (name, offset, limit) -> models.pickForEvaluation(user, version, name, offset, limit).stream(),
                evaluationJobs));
    }
}
