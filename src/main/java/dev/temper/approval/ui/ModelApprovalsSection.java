package dev.temper.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.ApprovalService;
import dev.temper.base.paging.PageRequest;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelPageSection;
import dev.temper.security.CurrentUser;
import dev.temper.ui.Formats;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The version's approval requests on its page, newest first, with the intended use each requester stated. */
@ApplicationScoped
class ModelApprovalsSection implements ModelPageSection {

    private final ApprovalService approvals;

    ModelApprovalsSection(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create(CurrentUser user, ModelVersion version) {
        Grid<ApprovalRequest> grid = new Grid<>();
        grid.setId("model-approvals-grid");
        grid.setHeight("220px");
        grid.addColumn(r -> r.targetAlias + (r.rollbackFrom == null ? "" : " (" + r.rollbackText() + ")"))
                .setHeader("Alias").setAutoWidth(true);
        grid.addColumn(r -> r.state).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.requestedBy + ", " + Formats.time(r.requestedAt)).setHeader("Requested")
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.orDash(r.intendedUse)).setHeader("Intended use").setFlexGrow(1);
        grid.addColumn(r -> r.decidedBy == null ? "—" : r.decidedBy + ", " + Formats.time(r.decidedAt))
                .setHeader("Decided").setAutoWidth(true);
        grid.addColumn(r -> Formats.orDash(r.decisionComment)).setHeader("Decision comment").setFlexGrow(1);
        grid.setItems(query -> approvals.forVersion(user, version.id,
                new PageRequest(query.getPage(), query.getPageSize())).items().stream());
        VerticalLayout section = new VerticalLayout(new H3("Approvals"), grid);
        section.setPadding(false);
        return Optional.of(section);
    }
}
