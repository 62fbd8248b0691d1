package app.catchball.home;

import app.catchball.base.Formats;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.StartPage;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.ui.CatchballView;
import app.catchball.metrics.CountermeasureService;
import app.catchball.metrics.ui.MetricView;
import app.catchball.organisation.OrganisationService;
import app.catchball.reminders.ReminderService;
import app.catchball.reminders.ui.RemindersView;
import app.catchball.review.DecisionService;
import app.catchball.review.ui.ReviewView;
import app.catchball.security.AccessService;
import app.catchball.security.Grant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The first page after sign-in: the units where the user holds a role, each with its path to the top. */
@Route("")
@PageTitle("Home · Catchball")
@Menu(order = 0, icon = "vaadin:home", title = "Home")
@PermitAll
public class HomeView extends VerticalLayout implements StartPage {

    HomeView(AccessService access, OrganisationService organisation, CatchballService catchball,
             CountermeasureService countermeasures, DecisionService decisions, ReminderService reminders) {
        add(new H2("Welcome, " + access.me().displayName()));
        int due = reminders.myReminderCount();
        RouterLink reminderLink = new RouterLink(due == 0 ? "Reminders: nothing is waiting on you"
                : "Reminders: " + due + (due == 1 ? " thing is" : " things are") + " waiting on you", RemindersView.class);
        reminderLink.addClassName("reminder-count");
        add(reminderLink);
        long waiting = catchball.waitingOnMe();
        RouterLink inbox = new RouterLink(waiting == 0 ? "Catchball: nothing is waiting on you"
                : "Catchball: " + waiting + (waiting == 1 ? " proposal is" : " proposals are") + " waiting on you", CatchballView.class);
        inbox.addClassName("waiting-on-me");
        add(inbox);
        var asked = countermeasures.countermeasuresAskedOfMe();
        if (!asked.isEmpty()) {
            add(new H3("Metrics asking you for a countermeasure"));
            asked.forEach(r -> {
                RouterLink link = Routes.link(r.label() + " (" + r.unitName() + "): " + r.reason(), MetricView.class, r.metricId());
                link.addClassName("countermeasure-needed");
                add(new Div(link));
            });
        }
        var overdue = decisions.overdueForMe();
        if (!overdue.isEmpty()) {
            add(new H3("Your overdue actions"));
            overdue.forEach(a -> {
                RouterLink link = Routes.link(a.text() + " (" + a.unitName() + "): due " + Formats.DAY.format(a.dueDate()),
                        ReviewView.class, UnitPicker.PARAMETER, a.unitCode());
                link.addClassName("action-overdue");
                add(new Div(link));
            });
        }
        List<Grant> grants = access.myGrants();
        if (grants.isEmpty()) {
            add(new Paragraph(access.me().admin()
                    ? "You are an Admin: you may administer the whole organisation."
                    : "You hold no role on any unit yet. Ask an Admin to grant you one."));
            return;
        }
        Map<Long, List<Grant>> byUnit = grants.stream()
                .collect(Collectors.groupingBy(Grant::unitId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> paths = organisation.paths(byUnit.keySet());
        add(new H3("Your units"));
        byUnit.forEach((unitId, unitGrants) -> {
            Div card = new Div();
            card.addClassName("unit-card");
            String roles = unitGrants.stream().map(g -> g.role().label()).collect(Collectors.joining(", "));
            Span path = new Span(paths.get(unitId));
            path.addClassName("unit-path");
            card.add(new Paragraph(roles), path);
            add(card);
        });
    }
}
