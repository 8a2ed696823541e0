package dev.temper.approval.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.EvidenceCheck;
import dev.temper.approval.policy.Gate;
import dev.temper.approval.policy.GateEvaluation;

/**
 * A request's evidence as a reviewer reads it: each gate with a pass or fail badge, its numbers in words and a
 * link to the page that shows them (the result page, the comparison with production).
 */
class GateList extends Div {

    GateList(ApprovalRequest request) {
        setId("gates-" + request.id);
        EvidenceCheck.of(request).ifPresentOrElse(check -> {
            if (!check.intact() || check.evidence() == null) {
                add(badge("Evidence changed since the request: not to be trusted", false));
                return;
            }
            add(new Anchor(GateEvaluation.resultLink(check.evidence().evaluationId()),
                    "Evaluation " + check.evidence().evaluationId()));
            if (check.evidence().gates().isEmpty()) {
                add(new Span(" (no gate policy)"));
            }
            for (Gate gate : check.evidence().gates()) {
                Div row = new Div(badge((gate.passed() ? "pass " : "fail ") + gate.name(), gate.passed()),
                        new Span(" " + gate.detail() + " "));
                row.addClassName("gate-" + (gate.passed() ? "pass" : "fail"));
                if (gate.link() != null) {
                    row.add(new Anchor(gate.link(), "show"));
                }
                add(row);
            }
        }, () -> add(new Span("No evidence recorded")));
    }

    private static Span badge(String text, boolean passed) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + (passed ? "success" : "error"));
        return badge;
    }
}
