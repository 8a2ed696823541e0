package dev.temper.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.audit.AuditEntry;
import dev.temper.audit.AuditService;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;

/** The tamper-evident audit trail, newest first, read page by page as the admin scrolls. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit | Temper")
@Menu(title = "Audit", order = 6)
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    private final CurrentUser user;
    private final AuditService audit;
    private final Span chainResult = new Span();

    public AuditView(SecurityIdentity identity, AuditService audit) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.audit = audit;
        setSizeFull();
        Button verify = new Button("Verify chain", click -> verifyChain());
        verify.setId("verify-chain");
        chainResult.setId("chain-result");
        HorizontalLayout header = new HorizontalLayout(new H2("Audit trail"), verify, chainResult);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, grid());
    }

    private Grid<AuditEntry> grid() {
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.time(e.occurredAt)).setHeader("Time").setAutoWidth(true).setSortProperty("time");
        grid.addColumn(e -> e.actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(e -> Formats.orDash(e.team)).setHeader("Team").setAutoWidth(true);
        grid.addColumn(e -> e.action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.objectType + (e.objectId == null ? "" : " " + e.objectId))
                .setHeader("Object").setAutoWidth(true);
        grid.addColumn(e -> e.outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(e -> e.details == null ? "" : e.details).setHeader("Details").setFlexGrow(1);
        grid.setItems(query -> audit.page(user, LazyPaging.request(query), LazyPaging.sort(query)).items().stream());
        return grid;
    }

    private void verifyChain() {
        try {
            boolean intact = audit.verifyChain(user);
            chainResult.setText(intact ? "Chain intact" : "Chain broken: an entry was altered or removed");
            if (intact) {
                ProblemNotification.success("Audit chain intact");
            } else {
                ProblemNotification.error("Audit chain broken: an entry was altered or removed");
            }
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }
}
