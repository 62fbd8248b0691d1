package app.catchball.reminders.ui;

import app.catchball.base.Formats;
import app.catchball.reminders.Reminder;
import app.catchball.reminders.ReminderService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.modulith.NamedInterface;

/** "Reminders": what is waiting on the signed-in person, the most overdue first; read a page at a time. */
@Route("reminders")
@NamedInterface("routes")
@PageTitle("Reminders · Catchball")
@Menu(order = 5, icon = "vaadin:bell", title = "Reminders")
@PermitAll
public class RemindersView extends VerticalLayout {

    RemindersView(ReminderService reminders) {
        setSizeFull();
        int count = reminders.myReminderCount();
        add(new H2("Reminders"));
        Paragraph summary = new Paragraph(count == 0 ? "Nothing is waiting on you."
                : count + (count == 1 ? " reminder is" : " reminders are") + " waiting on you. They are gathered every morning,"
                        + " and e-mailed too when the server can send mail.");
        summary.addClassName("reminder-summary");
        add(summary);
        if (count == 0) {
            return;
        }
        Grid<Reminder> grid = new Grid<>();
        grid.addComponentColumn(r -> r.link() == null ? new Span(r.text()) : new Anchor(r.link(), r.text()))
                .setHeader("What").setFlexGrow(1);
        grid.addColumn(r -> Formats.DAY.format(r.dueDate())).setHeader("Due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.overdue() ? "Overdue" : "Due").setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> reminders.myReminders(q.getOffset(), q.getLimit()).stream(), q -> reminders.myReminderCount());
        grid.setSizeFull();
        add(grid);
    }
}
