package dev.temper.evaluation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.evaluation.AdversarialExamplesView;
import dev.temper.evaluation.AdversarialExamplesView.Example;

/**
 * The result page's strip of adversarial examples: per example the clean test image above its adversarial version
 * (drawn server-side as PNG, enlarged without smoothing so single pixels stay visible), with the true label and
 * both predictions under them; fooled examples come first and their wrong prediction is marked.
 */
final class AdversarialStripSection {

    /** On-screen side of each image; a 28-pixel digit is enlarged three times. */
    private static final String IMAGE_SIZE = "84px";

    private AdversarialStripSection() {
    }

    static Component of(AdversarialExamplesView strip) {
        Paragraph caption = new Paragraph("Clean test images (top) and their adversarial versions (bottom) at "
                + EvidenceFormats.norm(strip.norm()) + " ε " + EvidenceFormats.epsilon(strip.epsilon())
                + (strip.unit() == null ? "" : " (" + EvidenceFormats.label(strip.unit()) + ")")
                + ", the largest radius of the threat model. The first examples the attacks fooled come first, then "
                + "the first that held; predictions are the served model's.");
        caption.setId("evaluation-strip-caption");
        Div row = new Div();
        row.setId("evaluation-strip");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        for (Example example : strip.examples()) {
            row.add(cell(example));
        }
        VerticalLayout section = new VerticalLayout(caption, row);
        section.setPadding(false);
        return section;
    }

    private static Component cell(Example e) {
        Div cell = new Div(image(e.cleanPng(), "clean test image " + e.position() + ", label " + e.labelName()),
                image(e.adversarialPng(), "adversarial version of test image " + e.position()),
                line("label " + e.labelName()), line("clean: " + e.cleanPredictionName()),
                prediction(e), line(e.attack()));
        cell.addClassName("evaluation-strip-example");
        cell.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("font-size", "var(--lumo-font-size-s)");
        return cell;
    }

    private static Image image(String png, String alt) {
        Image image = new Image("data:image/png;base64," + png, alt);
        image.setWidth(IMAGE_SIZE);
        image.setHeight(IMAGE_SIZE);
        image.getStyle().set("image-rendering", "pixelated").set("border", "1px solid var(--lumo-contrast-20pct)");
        return image;
    }

    private static Span prediction(Example e) {
        Span span = line("adversarial: " + e.adversarialPredictionName() + (e.fooled() ? " ✗" : " ✓"));
        span.addClassName(e.fooled() ? "evaluation-strip-fooled" : "evaluation-strip-held");
        span.getStyle().set("color", e.fooled() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        return span;
    }

    private static Span line(String text) {
        return new Span(text);
    }
}
