package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.MetricInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;

/**
 * The sign on a bowling-chart row (and a phone card) that the metric has commentary: the month of
 * its latest commentary, which opens it in a dialog ("What happened", "Why", "What next").
 */
final class CommentaryIndicator {

    private CommentaryIndicator() {
    }

    static Button button(MetricInfo metric, Commentary commentary) {
        String month = Formats.MONTH.format(commentary.month());
        Button button = new Button(month, VaadinIcon.COMMENT_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        button.addClassName("commentary-indicator");
        button.getElement().setAttribute("aria-label", "Commentary of " + month + " on " + metric.label());
        button.setTooltipText("Commentary of " + month);
        button.addClickListener(e -> open(metric, commentary));
        // The row itself opens the metric's page; a click on the indicator opens only the commentary.
        button.getElement().addEventListener("click", e -> { }).stopPropagation();
        return button;
    }

    static void open(MetricInfo metric, Commentary commentary) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(metric.label() + " · " + Formats.MONTH.format(commentary.month()));
        dialog.add(parts(commentary));
        RouterLink page = new RouterLink("Open the metric", MetricView.class, metric.id());
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(page, close);
        dialog.setWidth("36rem");
        dialog.open();
    }

    /** The three parts of a commentary with who wrote it and when. */
    static Div parts(Commentary commentary) {
        Div parts = new Div();
        parts.addClassName("commentary");
        part(parts, "What happened", commentary.whatHappened());
        part(parts, "Why", commentary.why());
        part(parts, "What next", commentary.whatNext());
        Span by = new Span("Written by " + commentary.writtenByName() + ", "
                + Formats.DAY_AND_TIME.format(commentary.writtenAt().atZone(ZoneId.systemDefault())));
        by.addClassName("unit-path");
        parts.add(by);
        return parts;
    }

    private static void part(Div parts, String heading, String text) {
        parts.add(new H4(heading), new Paragraph(text == null ? "—" : text));
    }
}
