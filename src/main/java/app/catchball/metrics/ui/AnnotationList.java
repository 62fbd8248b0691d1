package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.Annotation;
import app.catchball.metrics.AnnotationService;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The notes on a metric's chart, listed below it with the numbers of their markers; those allowed
 * add a note (date and text) and remove one.
 */
final class AnnotationList extends VerticalLayout {

    AnnotationList(AnnotationService service, long metricId, List<Annotation> notes, boolean mayWrite, LocalDate today,
                   Consumer<HasValue<?, ?>[]> watch, Runnable changed) {
        setPadding(false);
        setSpacing(false);
        addClassName("spc-annotations");
        for (int i = 0; i < notes.size(); i++) {
            Annotation note = notes.get(i);
            Span number = new Span(String.valueOf(i + 1));
            number.addClassName("spc-annotation-number");
            Span text = new Span(Formats.DAY.format(note.notedOn()) + " · " + note.text() + " · " + note.createdByName());
            Div line = new Div(number, text);
            line.addClassName("spc-annotation-line");
            if (mayWrite) {
                Button remove = new Button("Remove", e -> Notices.attempt(() -> service.remove(metricId, note.id()),
                        "Note removed.", changed));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.getElement().setAttribute("aria-label", "Remove the note of " + Formats.DAY.format(note.notedOn()));
                line.add(remove);
            }
            add(line);
        }
        if (mayWrite) {
            DatePicker date = DatePickers.british(new DatePicker("Date of the note"));
            date.setMax(today);
            date.setValue(today);
            TextField text = new TextField("Note");
            text.setMaxLength(AnnotationService.MAX_TEXT);
            text.setPlaceholder("New board round started");
            text.setWidth("24rem");
            Button add = new Button("Add note", e -> Notices.attempt(() -> service.add(metricId, date.getValue(), text.getValue()),
                    "Note added.", changed));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(date, text, add);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(form);
            watch.accept(new HasValue<?, ?>[] {date, text});
        }
    }
}
