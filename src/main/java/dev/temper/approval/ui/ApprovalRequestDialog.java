package dev.temper.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.ApprovalService;
import dev.temper.base.problem.ProblemException;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import dev.temper.ui.ProblemNotification;

/** Asks a reviewer to promote one model version to the team's production alias. */
class ApprovalRequestDialog extends Dialog {

    ApprovalRequestDialog(CurrentUser user, ModelVersion version, ApprovalService approvals) {
        setHeaderTitle("Request production approval for " + version.label());
        TextArea comment = new TextArea("Why this version?");
        comment.setId("approval-comment");
        comment.setMaxLength(ApprovalRequest.COMMENT_MAX_LENGTH);
        comment.setWidth("28em");
        TextArea intendedUse = new TextArea("Intended use (quoted in the model card)");
        intendedUse.setId("approval-intended-use");
        intendedUse.setMaxLength(ApprovalRequest.INTENDED_USE_MAX_LENGTH);
        intendedUse.setPlaceholder("What the version is for, by whom, and what it must not be used for");
        intendedUse.setWidth("28em");
        TextArea caveats = new TextArea("Caveats (quoted in the model card)");
        caveats.setId("approval-caveats");
        caveats.setMaxLength(ApprovalRequest.CAVEATS_MAX_LENGTH);
        caveats.setPlaceholder("Known weaknesses: inputs it handles badly, conditions it was not tested under");
        caveats.setWidth("28em");
        VerticalLayout fields = new VerticalLayout(comment, intendedUse, caveats);
        fields.setPadding(false);
        add(fields);

        Button submit = new Button("Request approval", click -> {
            try {
                approvals.request(user, version.id, new ApprovalService.Statement(comment.getValue(),
                        intendedUse.getValue(), caveats.getValue()));
                ProblemNotification.success("Approval requested for " + version.label());
                close();
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
        });
        submit.setId("approval-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), submit);
    }
}
