package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.Commentary;
import app.catchball.metrics.CommentaryService;
import app.catchball.metrics.MetricNotes;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The commentary section of a metric's page: the latest month's commentary, earlier months, every
 * saved version (who and when), and for those allowed the form to write a month's commentary.
 */
final class CommentaryPanel extends VerticalLayout {

    private final CommentaryService service;
    private final long metricId;
    private final MetricNotes notes;
    private final Runnable saved;
    private Long basedOn;

    CommentaryPanel(CommentaryService service, long metricId, MetricNotes notes, YearMonth current,
                    Consumer<HasValue<?, ?>[]> watch, Runnable saved) {
        this.service = service;
        this.metricId = metricId;
        this.notes = notes;
        this.saved = saved;
        setPadding(false);
        addClassName("commentary-panel");
        add(new H3("Commentary"));
        List<Commentary> months = notes.byMonth();
        if (months.isEmpty()) {
            add(new Paragraph("No commentary yet."));
        } else {
            add(new H4(Formats.MONTH.format(months.getFirst().month())), CommentaryIndicator.parts(months.getFirst()));
        }
        if (months.size() > 1) {
            VerticalLayout earlier = new VerticalLayout();
            earlier.setPadding(false);
            months.subList(1, months.size()).forEach(c -> earlier.add(new H4(Formats.MONTH.format(c.month())),
                    CommentaryIndicator.parts(c)));
            add(new Details("Earlier months (" + (months.size() - 1) + ")", earlier));
        }
        if (notes.versions().size() > months.size()) {
            add(new Details("History (" + notes.versions().size() + " saved versions)", history()));
        }
        if (notes.mayWrite()) {
            form(current, watch);
        }
    }

    private Grid<Commentary> history() {
        Grid<Commentary> grid = new Grid<>();
        grid.addClassName("commentary-history");
        grid.addColumn(c -> Formats.MONTH.format(c.month())).setHeader("Month").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Commentary::whatHappened).setHeader("What happened").setTooltipGenerator(Commentary::whatHappened);
        grid.addColumn(Commentary::why).setHeader("Why").setTooltipGenerator(Commentary::why);
        grid.addColumn(Commentary::whatNext).setHeader("What next").setTooltipGenerator(Commentary::whatNext);
        grid.addColumn(Commentary::writtenByName).setHeader("By");
        grid.addColumn(c -> Formats.DAY_AND_TIME.format(c.writtenAt().atZone(ZoneId.systemDefault()))).setHeader("When");
        grid.setItems(notes.versions().reversed());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void form(YearMonth current, Consumer<HasValue<?, ?>[]> watch) {
        Select<YearMonth> month = new Select<>();
        month.setLabel("Month");
        List<YearMonth> choices = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            choices.add(current.minusMonths(i));
        }
        month.setItems(choices);
        month.setItemLabelGenerator(Formats.MONTH::format);
        TextArea happened = area("What happened");
        TextArea why = area("Why");
        TextArea next = area("What next");
        month.addValueChangeListener(e -> {
            var existing = e.getValue() == null ? null : notes.of(e.getValue()).orElse(null);
            basedOn = existing == null ? null : existing.id();
            happened.setValue(existing == null ? "" : existing.whatHappened());
            why.setValue(existing == null || existing.why() == null ? "" : existing.why());
            next.setValue(existing == null || existing.whatNext() == null ? "" : existing.whatNext());
        });
        month.setValue(current.minusMonths(1));
        Button save = new Button("Save commentary", e -> Notices.attempt(() -> {
            service.write(metricId, month.getValue(), happened.getValue(), why.getValue(), next.getValue(), basedOn);
            Notices.ok("Commentary saved.");
            saved.run();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(month, happened, why, next);
        form.setColspan(month, 1);
        add(form, save);
        watch.accept(new HasValue<?, ?>[] {month, happened, why, next});
    }

    private static TextArea area(String label) {
        TextArea area = new TextArea(label);
        area.setMaxLength(CommentaryService.MAX_PART);
        area.setWidthFull();
        return area;
    }
}
