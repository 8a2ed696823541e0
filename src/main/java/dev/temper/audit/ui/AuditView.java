package dev.temper.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.temper.audit.AuditEntry;
import dev.temper.audit.AuditExport;
import dev.temper.audit.AuditFilter;
import dev.temper.audit.AuditService;
import dev.temper.audit.ChainVerification;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * The tamper-evident audit trail of every team, newest first, read page by page as the admin scrolls, filtered
 * by actor, team, action, object and time (UTC), and exported with the same filters.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit | Temper")
@Menu(title = "Audit", order = 6)
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    private final CurrentUser user;
    private final AuditService audit;
    private final AuditExport export;
    private final Span chainResult = new Span();
    private final TextField actor = filterField("Actor", "filter-actor");
    private final TextField team = filterField("Team", "filter-team");
    private final TextField action = filterField("Action", "filter-action");
    private final TextField objectType = filterField("Object type", "filter-object-type");
    private final TextField objectId = filterField("Object id", "filter-object-id");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Grid<AuditEntry> grid = new Grid<>();

    public AuditView(SecurityIdentity identity, AuditService audit, AuditExport export) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.audit = audit;
        this.export = export;
        setSizeFull();
        Button verify = new Button("Verify chain", click -> verifyChain());
        verify.setId("verify-chain");
        chainResult.setId("chain-result");
        HorizontalLayout header = new HorizontalLayout(new H2("Audit trail"), verify, chainResult,
                download("Export JSON Lines", "export-jsonl", "audit.jsonl", "application/x-ndjson",
                        export::jsonLines),
                download("Export CSV", "export-csv", "audit.csv", "text/csv", export::csv));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        from.setId("filter-from");
        to.setId("filter-to");
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(actor, team, action, objectType, objectId, from, to);
        filters.setWrap(true);
        add(header, filters, grid());
    }

    private TextField filterField(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        return field;
    }

    private Grid<AuditEntry> grid() {
        grid.setId("audit-grid");
        grid.addColumn(e -> e.seq).setHeader("Seq").setAutoWidth(true);
        grid.addColumn(e -> Formats.time(e.occurredAt)).setHeader("Time").setAutoWidth(true).setSortProperty("time");
        grid.addColumn(e -> e.actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(e -> Formats.orDash(e.team)).setHeader("Team").setAutoWidth(true);
        grid.addColumn(e -> e.action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.objectType + (e.objectId == null ? "" : " " + e.objectId))
                .setHeader("Object").setAutoWidth(true);
        grid.addColumn(e -> e.outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(e -> e.details == null ? "" : e.details).setHeader("Details").setFlexGrow(1);
        grid.setItems(query -> {
            try {
                return audit.page(user, filter(), LazyPaging.request(query), LazyPaging.sort(query)).items().stream();
            } catch (ProblemException problem) {
                ProblemNotification.show(problem);
                return java.util.stream.Stream.empty();
            }
        });
        return grid;
    }

    private AuditFilter filter() {
        return new AuditFilter(actor.getValue(), team.getValue(), action.getValue(), objectType.getValue(),
                objectId.getValue(), utc(from.getValue()), utc(to.getValue()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private Anchor download(String text, String id, String filename, String contentType,
            BiFunction<CurrentUser, AuditFilter, StreamingOutput> body) {
        DownloadHandler handler = event -> {
            // The filters are read when the download starts, under the session's lock, so the file holds what
            // the grid shows; the rows stream from the database in batches.
            AuditFilter current;
            event.getSession().lock();
            try {
                current = filter();
            } finally {
                event.getSession().unlock();
            }
            event.setFileName(filename);
            event.setContentType(contentType);
            try (var out = event.getOutputStream()) {
                body.apply(user, current).write(out);
            }
        };
        Anchor link = new Anchor(handler, text);
        link.setId(id);
        link.getElement().setAttribute("download", true);
        return link;
    }

    private void verifyChain() {
        try {
            ChainVerification result = audit.verifyChain(user);
            chainResult.setText(result.intact() ? "Chain intact" : "Chain broken: " + result.detail());
            if (result.intact()) {
                ProblemNotification.success("Audit chain intact: " + result.detail());
            } else {
                ProblemNotification.error("Audit chain broken: " + result.detail());
            }
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }
}
