package dev.temper.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.ApprovalService;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.ui.ProblemNotification;

/**
 * Confirms an approval or rejection with a comment. The service enforces the rules (four eyes, team);
 * a refusal closes the dialog with the service's reason, since retrying would not change it.
 */
class DecisionDialog extends Dialog {

    DecisionDialog(CurrentUser user, ApprovalRequest request, boolean approve, ApprovalService approvals,
            Runnable afterDecision) {
        String verb = approve ? "Approve" : "Reject";
        setHeaderTitle(verb + " " + request.modelVersion.label() + " for " + request.targetAlias);
        TextArea comment = new TextArea("Comment");
        comment.setId("decision-comment");
        comment.setMaxLength(ApprovalRequest.COMMENT_MAX_LENGTH);
        comment.setWidth("28em");
        add(new GateList(request), comment);

        Button confirm = new Button(verb, click -> {
            try {
                approvals.decide(user, request.id, approve, comment.getValue());
                ProblemNotification.success((approve ? "Approved " : "Rejected ") + request.modelVersion.label());
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
            close();
            afterDecision.run();
        });
        confirm.setId("decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY,
                approve ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }
}
