package dev.temper.modelcard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.temper.base.problem.ProblemException;
import dev.temper.modelcard.ModelCard;
import dev.temper.modelcard.ModelCardService;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.ModelPageSection;
import dev.temper.security.CurrentUser;
import dev.temper.ui.Formats;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model card on a version's page: whether it is frozen (and its hash) or live, a download of the Markdown and
 * of the Hugging Face metadata, and the card itself to read. A tampered frozen card shows the integrity error.
 */
@ApplicationScoped
class ModelCardSection implements ModelPageSection {

    private final ModelCardService cards;

    ModelCardSection(ModelCardService cards) {
        this.cards = cards;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> create(CurrentUser user, ModelVersion version) {
        VerticalLayout section = new VerticalLayout(new H3("Model card"));
        section.setId("model-card");
        section.setPadding(false);
        ModelCard card;
        try {
            card = cards.card(user, version.id);
        } catch (ProblemException problem) {
            Span error = new Span(problem.detail());
            error.setId("model-card-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            section.add(error);
            return Optional.of(section);
        }
        Span state = new Span(card.frozen()
                ? "Frozen at approval on " + Formats.time(card.frozenAt()) + "; SHA-256 " + card.sha256()
                : "Live: generated from the records on each request until the version is approved.");
        state.setId("model-card-state");
        Anchor markdown = download(user, version, "model-card-download", "Download model card (Markdown)",
                c -> c.markdown(), c -> c.fileName(), "text/markdown");
        Anchor yaml = download(user, version, "model-index-download", "Hugging Face model-index (YAML)",
                ModelCard::frontMatter, c -> c.fileName().replace("-model-card.md", "-model-index.yaml"),
                "application/yaml");
        Pre text = new Pre(card.markdown());
        text.setId("model-card-text");
        text.getStyle().set("white-space", "pre-wrap").set("max-height", "32em").set("overflow", "auto");
        Details preview = new Details("Read the card", text);
        section.add(state, new HorizontalLayout(markdown, yaml), preview);
        return Optional.of(section);
    }

    /** Rendered when clicked, so a download is the card as of then (frozen cards are checked again). */
    private Anchor download(CurrentUser user, ModelVersion version, String id, String text,
            Function<ModelCard, String> content, Function<ModelCard, String> fileName, String type) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                ModelCard card = cards.card(user, version.id);
                byte[] bytes = content.apply(card).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName.apply(card),
                        type + ";charset=UTF-8", bytes.length);
            } catch (ProblemException problem) {
                return DownloadResponse.error(problem.status(), problem.detail());
            }
        }), text);
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
