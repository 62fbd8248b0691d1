package app.catchball.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * "Changed by ‹name› — Reload": shown where a user has unsaved input and someone else changed what
 * it was based on. Their input stays; Reload discards it and shows the current state.
 */
public class ChangedNotice extends Div {

    private ChangedNotice(String names, Runnable reload) {
        addClassName("changed-notice");
        getElement().setAttribute("role", "status");
        Button button = new Button("Reload", e -> Notices.attempt(reload));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        add(new Span("Changed by " + names + " —"), button);
    }

    /** Shows the notice first in {@code place}, replacing one shown there before. */
    public static void show(HasComponents place, String names, Runnable reload) {
        remove(place);
        place.addComponentAsFirst(new ChangedNotice(names, reload));
    }

    /** Removes a notice shown in {@code place}. */
    public static void remove(HasComponents place) {
        ((Component) place).getChildren().filter(ChangedNotice.class::isInstance).toList()
                .forEach(place::remove);
    }
}
