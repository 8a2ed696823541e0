package dev.temper.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.approval.ApprovalRequest;
import dev.temper.approval.ApprovalService;
import dev.temper.approval.ApprovalState;
import dev.temper.approval.ApprovalVote;
import dev.temper.base.problem.ProblemException;
import dev.temper.approval.EvidenceCheck;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.Formats;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests to promote model versions to production; reviewers approve or reject open ones. */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals | Temper")
@Menu(title = "Approvals", order = 5)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class ApprovalsView extends VerticalLayout {

    private final CurrentUser user;
    private final ApprovalService approvals;
    private final Grid<ApprovalRequest> grid = new Grid<>();
    /** The votes of the requests fetched so far, read with each page (one query a page, not one a row). */
    private final Map<Long, List<ApprovalVote>> votesShown = new HashMap<>();

    public ApprovalsView(SecurityIdentity identity, ApprovalService approvals) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.approvals = approvals;
        setSizeFull();
        configureGrid();
        add(new H2("Approvals"), grid);
    }

    private void configureGrid() {
        grid.setId("approvals-grid");
        // Page by page from the database, newest request first.
        grid.setItems(query -> {
            List<ApprovalRequest> page = approvals.page(user, null, LazyPaging.request(query),
                    LazyPaging.sort(query)).items();
            votesShown.putAll(approvals.votesOf(page));
            return page.stream();
        });
        grid.addColumn(r -> r.modelVersion.label() + (r.rollbackFrom == null ? "" : " (" + r.rollbackText() + ")"))
                .setHeader("Model").setAutoWidth(true);
        grid.addColumn(r -> r.targetAlias).setHeader("Alias").setAutoWidth(true);
        grid.addColumn(r -> r.state).setHeader("State").setAutoWidth(true).setSortProperty("state");
        grid.addComponentColumn(r -> {
            Span tally = new Span(tally(r));
            tally.setId("tally-" + r.id);
            return tally;
        }).setHeader("Approvals").setAutoWidth(true);
        grid.addColumn(r -> r.expiresAt == null ? "never" : Formats.time(r.expiresAt)).setHeader("Expires")
                .setAutoWidth(true);
        grid.addColumn(r -> r.requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(r -> text(r.requestComment)).setHeader("Comment").setFlexGrow(1);
        grid.addColumn(r -> text(r.decidedBy)).setHeader("Decided by").setAutoWidth(true);
        grid.addColumn(r -> text(r.decisionComment)).setHeader("Decision comment").setFlexGrow(1);
        grid.addComponentColumn(GateList::new).setHeader("Gates").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("Decision").setAutoWidth(true);
    }

    /** "1 of 2" and who approved so far. */
    private String tally(ApprovalRequest request) {
        List<ApprovalVote> votes = votesShown.getOrDefault(request.id, List.of());
        long approving = votes.stream().filter(v -> v.approve).count();
        String by = votes.stream().filter(v -> v.approve).map(v -> v.reviewer).collect(Collectors.joining(", "));
        return approving + " of " + request.requiredApprovals + (by.isEmpty() ? "" : " (" + by + ")");
    }

    private HorizontalLayout actions(ApprovalRequest request) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (request.state != ApprovalState.OPEN) {
            return buttons;
        }
        if (user.hasRole(Roles.REVIEWER)) {
            buttons.add(decisionButton(request, true), decisionButton(request, false));
            EvidenceCheck.blocking(request).ifPresent(reason -> {
                Span blocked = new Span(reason);
                blocked.setId("approval-blocked-" + request.id);
                buttons.add(blocked);
            });
        }
        if (user.username().equals(request.requestedBy) || user.hasRole(Roles.ADMIN)) {
            buttons.add(withdrawButton(request));
        }
        return buttons;
    }

    private Button withdrawButton(ApprovalRequest request) {
        Button button = new Button("Withdraw", click -> {
            try {
                approvals.withdraw(user, request.id, null);
                ProblemNotification.success("Withdrew the request for " + request.modelVersion.label());
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
            }
            refresh();
        });
        button.setId("withdraw-" + request.id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Button decisionButton(ApprovalRequest request, boolean approve) {
        Button button = new Button(approve ? "Approve" : "Reject",
                click -> new DecisionDialog(user, request, approve, approvals, this::refresh).open());
        button.setId((approve ? "approve-" : "reject-") + request.id);
        if (approve) {
            // The server refuses too; the disabled button only says so before the reviewer tries.
            EvidenceCheck.blocking(request).ifPresent(reason -> {
                button.setEnabled(false);
                button.setTooltipText(reason);
            });
        }
        button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                approve ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        return button;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void refresh() {
        votesShown.clear();
        grid.getDataProvider().refreshAll();
    }
}
