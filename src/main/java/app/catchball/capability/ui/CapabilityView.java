package app.catchball.capability.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.UnitDirectory;
import app.catchball.base.ui.DatePickers;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.Phones;
import app.catchball.base.ui.UnitPicker;
import app.catchball.capability.CapabilityChart;
import app.catchball.capability.CapabilityOverview;
import app.catchball.capability.CapabilityService;
import app.catchball.capability.CoachingRelationship;
import app.catchball.capability.CoachingSuggestion;
import app.catchball.capability.PersonCapability;
import app.catchball.capability.SkillLevelService;
import app.catchball.capability.SkillLevelView;
import app.catchball.projects.ProjectSummary;
import app.catchball.projects.ui.ProjectView;
import app.catchball.security.AccessService;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Improvement capability of a unit and the units below it: the mix by skill level (an SVG chart),
 * people with their level, coach, training and projects, who could coach whom, the intermediate
 * improvers and projects led at the first level without a coach. Coaches and Admins record
 * capability; Admins change the list of levels.
 */
@Route("capability")
@PageTitle("Capability · Catchball")
@Menu(order = 34, icon = "vaadin:academy-cap", title = "Capability")
@PermitAll
public class CapabilityView extends VerticalLayout implements BeforeEnterObserver {

    private final CapabilityService capability;
    private final SkillLevelService skillLevels;
    private final AccessService access;
    private final UnitPicker unit;
    private final Image chart = new Image();
    private final Grid<PersonCapability> people = new Grid<>();
    private final Grid<CoachingRelationship> coaching = new Grid<>();
    private final Grid<CoachingSuggestion> suggestions = new Grid<>();
    private final Grid<PersonCapability> intermediate = new Grid<>();
    private final Grid<ProjectSummary> foundationLed = new Grid<>();
    private final Button levels = new Button("Skill levels…");

    CapabilityView(CapabilityService capability, SkillLevelService skillLevels, UnitDirectory units, AccessService access) {
        this.capability = capability;
        this.skillLevels = skillLevels;
        this.access = access;
        this.unit = new UnitPicker(units);
        setWidthFull();
        unit.onPick(u -> UI.getCurrent().navigate(CapabilityView.class,
                QueryParameters.simple(Map.of(UnitPicker.PARAMETER, u.shortCode()))));
        levels.addClickListener(e -> openLevels());
        HorizontalLayout bar = new HorizontalLayout(unit, levels,
                new ExportMenu(() -> CapabilityExports.people(capability, unit.getValue())));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        chart.addClassName("capability-mix");
        chart.setAlt("Capability mix");
        chart.setWidth("560px");

        people.addClassName("capability-people");
        people.addColumn(PersonCapability::displayName).setHeader("Person").setFlexGrow(2);
        Grid.Column<PersonCapability> unitOfPerson = people.addColumn(PersonCapability::unitName).setHeader("Unit").setFlexGrow(2);
        people.addColumn(PersonCapability::levelText).setHeader("Level");
        Phones.hideOnPhone(unitOfPerson, people.addColumn(p -> p.coachName() == null ? "—" : p.coachName()).setHeader("Coach"),
                people.addColumn(PersonCapability::trainingCount).setHeader("Courses"),
                people.addColumn(PersonCapability::projectsLed).setHeader("Projects led"),
                people.addColumn(p -> p.intermediate() ? "Intermediate improver" : "").setHeader("Recognised as"));
        people.addComponentColumn(this::recordButton).setHeader("Action").setKey("record").setAutoWidth(true);
        people.setAllRowsVisible(true);

        coaching.addClassName("coaching");
        coaching.addColumn(CoachingRelationship::coachName).setHeader("Coach");
        coaching.addColumn(CoachingRelationship::coacheeName).setHeader("Coachee");
        coaching.addColumn(c -> Formats.DAY.format(c.since())).setHeader("Since");
        coaching.setAllRowsVisible(true);

        suggestions.addClassName("coaching-suggestions");
        suggestions.addColumn(CoachingSuggestion::coacheeName).setHeader("Without a coach");
        suggestions.addColumn(CoachingSuggestion::levelName).setHeader("Level");
        Phones.hideOnPhone(suggestions.addColumn(CoachingSuggestion::unitName).setHeader("Unit"));
        suggestions.addColumn(s -> s.candidates().isEmpty() ? "Nobody at a coaching level yet"
                : String.join(", ", s.candidates())).setHeader("Could be coached by").setFlexGrow(3);
        suggestions.setAllRowsVisible(true);

        intermediate.addClassName("intermediate-improvers");
        intermediate.addColumn(PersonCapability::displayName).setHeader("Person");
        Phones.hideOnPhone(intermediate.addColumn(PersonCapability::unitName).setHeader("Unit"));
        intermediate.addColumn(PersonCapability::projectsLed).setHeader("Projects led");
        intermediate.addColumn(p -> p.coachName() == null ? "No coach" : p.coachName()).setHeader("Coach");
        intermediate.setAllRowsVisible(true);

        foundationLed.addClassName("foundation-led");
        foundationLed.addComponentColumn(p -> Routes.link(p.title(), ProjectView.class, p.id())).setHeader("Project")
                .setFlexGrow(3);
        Phones.hideOnPhone(foundationLed.addColumn(ProjectSummary::unitName).setHeader("Unit"));
        foundationLed.addColumn(ProjectSummary::leadText).setHeader("Lead");
        foundationLed.addColumn(p -> p.stage().label()).setHeader("Stage");
        foundationLed.setAllRowsVisible(true);

        add(new H2("Capability"), bar, chart, new H3("People"), people, new H3("Coaching"), coaching,
                new H3("Who could coach whom"), suggestions,
                new H3("Intermediate improvers"),
                new Paragraph("Practitioners on their third or later project: keep them growing, or they leak away."),
                intermediate, new H3("Projects led at foundation level without a coach"), foundationLed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        unit.select(event.getLocation().getQueryParameters());
        show();
    }

    void show() {
        if (unit.getValue() == null) {
            return;
        }
        CapabilityOverview overview = capability.overview(unit.getValue().id());
        String where = overview.unitName() + " or the units below it";
        people.setEmptyStateText("Nobody holds a role at " + where + " yet. An Admin gives people a role on a unit under Organisation.");
        coaching.setEmptyStateText("Nobody at " + where + " is being coached. A Coach or an Admin records "
                + "coaching with \u201cRecord\u2026\u201d beside a person.");
        suggestions.setEmptyStateText("Nobody at " + where + " is waiting for a coach: everyone with a level has one, or can coach.");
        intermediate.setEmptyStateText("Nobody at " + where + " is on a third or later project yet.");
        foundationLed.setEmptyStateText("No project at " + where + " is led at foundation level without a coach.");
        chart.setSrc(CapabilityChart.dataUrl(overview.mix(), "Capability mix — " + overview.unitName(), 560, 280));
        people.setItems(overview.people());
        coaching.setItems(overview.coaching());
        suggestions.setItems(overview.suggestions());
        intermediate.setItems(overview.intermediate());
        foundationLed.setItems(overview.foundationLedWithoutCoach());
        levels.setVisible(access.me().admin());
    }

    private Button recordButton(PersonCapability person) {
        Button b = new Button("Record…", e -> openRecord(person));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setVisible(capability.mayRecordFor(person.userId()));
        return b;
    }

    private void openRecord(PersonCapability person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Improvement capability of " + person.displayName());
        ComboBox<SkillLevelView> level = new ComboBox<>("Skill level");
        List<SkillLevelView> list = skillLevels.levels();
        level.setItems(list);
        level.setItemLabelGenerator(SkillLevelView::name);
        list.stream().filter(l -> person.levelId() != null && l.id() == person.levelId()).findFirst().ifPresent(level::setValue);
        Button saveLevel = new Button("Save level", e -> run(() -> {
            if (level.getValue() == null) {
                throw new RuleViolation("Please choose a level.");
            }
            capability.setLevel(person.userId(), level.getValue().id(), person.skillVersion());
            return null;
        }, person.displayName() + " is now at " + (level.getValue() == null ? "" : level.getValue().name()) + " level.", dialog));

        TextField course = new TextField("Course");
        DatePicker completed = DatePickers.british(new DatePicker("Completed on"));
        Button addTraining = new Button("Add training", e -> run(() -> capability.addTraining(person.userId(),
                course.getValue(), completed.getValue()), "Training recorded.", dialog));

        ComboBox<UserSummary> coach = new ComboBox<>("Coach");
        coach.setItems(access.users().stream().filter(u -> u.active() && u.id() != person.userId()).toList());
        coach.setItemLabelGenerator(UserSummary::displayName);
        DatePicker since = DatePickers.british(new DatePicker("Since"));
        since.setValue(LocalDate.now());
        Button startCoaching = new Button("Start coaching", e -> run(() -> {
            if (coach.getValue() == null) {
                throw new RuleViolation("Please choose the coach.");
            }
            return capability.startCoaching(coach.getValue().id(), person.userId(), since.getValue());
        }, "Coaching recorded.", dialog));

        VerticalLayout body = new VerticalLayout(row(level, saveLevel), new H3("Training"),
                new Paragraph(capability.training(person.userId()).stream()
                        .map(t -> t.course() + " (" + Formats.DAY.format(t.completedOn()) + ")").reduce((a, b) -> a + "; " + b)
                        .orElse("No training recorded.")),
                row(course, completed, addTraining), new H3("Coaching"),
                new Paragraph(person.coachName() == null ? "No coach." : "Coached by " + person.coachName() + "."));
        if (person.coachName() == null) {
            body.add(row(coach, since, startCoaching));
        }
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("46rem");
        dialog.open();
    }

    private void openLevels() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Improvement skill levels");
        Grid<SkillLevelView> grid = new Grid<>();
        grid.addClassName("skill-levels");
        Runnable refresh = () -> grid.setItems(skillLevels.levels());
        grid.addColumn(SkillLevelView::name).setHeader("Level");
        grid.addColumn(l -> l.canCoach() ? "Can coach" : "").setHeader("Coaching");
        grid.addComponentColumn(l -> new HorizontalLayout(
                new Button("↑", e -> runQuietly(() -> skillLevels.moveLevel(l.id(), -1), refresh)),
                new Button("↓", e -> runQuietly(() -> skillLevels.moveLevel(l.id(), 1), refresh)),
                new Button("Remove", e -> runQuietly(() -> {
                    skillLevels.removeLevel(l.id(), l.version());
                    return null;
                }, refresh)))).setHeader("Order").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        refresh.run();
        TextField name = new TextField("New level");
        Checkbox canCoach = new Checkbox("Can coach");
        Button add = new Button("Add level", e -> runQuietly(() -> skillLevels.addLevel(name.getValue(), canCoach.getValue()),
                refresh));
        dialog.add(new VerticalLayout(grid, row(name, canCoach, add)));
        dialog.getFooter().add(new Button("Close", e -> {
            dialog.close();
            show();
        }));
        dialog.setWidth("40rem");
        dialog.open();
    }

    private void run(Supplier<?> action, String message, Dialog dialog) {
        Notices.attempt(() -> {
            action.get();
            Notices.ok(message);
            dialog.close();
            show();
        });
    }

    private void runQuietly(Supplier<?> action, Runnable then) {
        Notices.attempt(() -> {
            action.get();
            then.run();
        });
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }


}
