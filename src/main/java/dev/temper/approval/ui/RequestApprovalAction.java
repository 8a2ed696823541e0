package dev.temper.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import dev.temper.approval.ApprovalService;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelActions;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/** "Request approval" beside each model version, for ml-engineers: asks a reviewer to promote it to production. */
@ApplicationScoped
class RequestApprovalAction implements ModelActions {

    private final ApprovalService approvals;

    RequestApprovalAction(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public String header() {
        return "Production";
    }

    @Override
    public boolean shownTo(CurrentUser user) {
        return user.hasRole(Roles.ML_ENGINEER);
    }

    @Override
    public Component create(CurrentUser user, ModelVersion version) {
        Button button = new Button("Request approval",
                click -> new ApprovalRequestDialog(user, version, approvals).open());
        button.setId("request-approval-" + version.id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
