package app.catchball.projects.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.UnitDirectory;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.base.ui.UnitPicker;
import app.catchball.planning.PlanChanged;
import app.catchball.projects.AlignmentReport;
import app.catchball.projects.LinkedItem;
import app.catchball.projects.ProjectChanged;
import app.catchball.projects.ProjectRegisterService;
import app.catchball.projects.ProjectService;
import app.catchball.projects.ProjectSummary;
import app.catchball.projects.ProjectsOverview;
import app.catchball.projects.ProjectsOverviewService;
import app.catchball.security.AccessService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A unit's local projects (optionally with the units below it) and their alignment: the share
 * linked to work that traces to True North, projects per priority, priorities with no project,
 * and the unaligned projects, which a Lead can link or propose upwards through catchball.
 */
@Route("projects")
@PageTitle("Projects · Catchball")
@Menu(order = 32, icon = "vaadin:lightbulb", title = "Projects")
@PermitAll
public class ProjectsView extends VerticalLayout implements BeforeEnterObserver {

    private final ProjectService projects;
    private final ProjectsOverviewService overviews;
    private final AccessService access;
    private final UnitPicker unit;
    private final Checkbox below = new Checkbox("Include units below");
    private final Button create = new Button("New project…");
    private final Grid<ProjectSummary> list = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph empty = new Paragraph();
    /** Units of the shown unaligned page where the user may link: asked once per page, not per row. */
    private Set<Long> linkableUnits = Set.of();
    private final Grid<AlignmentReport.UnitRow> units = new Grid<>();
    private final Grid<AlignmentReport.PriorityRow> priorities = new Grid<>();
    private final Paragraph withoutProject = new Paragraph();
    private final Grid<ProjectSummary> unaligned = new Grid<>();
    private boolean navigating;
    /** The unit on screen, read by the live filter off the UI thread (0: none yet). */
    private volatile long shownUnit;

    ProjectsView(ProjectService projects, ProjectsOverviewService overviews, UnitDirectory unitDirectory, AccessService access,
                 ProjectRegisterService register, LiveBroadcaster live) {
        this.projects = projects;
        this.overviews = overviews;
        this.access = access;
        this.unit = new UnitPicker(unitDirectory);
        setWidthFull();
        unit.onPick(u -> go());
        below.addValueChangeListener(e -> go());
        create.addClickListener(e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(unit, below, create,
                new ExportMenu(() -> ProjectExports.register(register, unit.getValue(), below.getValue())));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        list.addClassName("project-list");
        list.addColumn(ProjectSummary::title).setHeader("Project").setFlexGrow(3);
        Grid.Column<ProjectSummary> unitOfProject = list.addColumn(ProjectSummary::unitName).setHeader("Unit").setFlexGrow(2);
        list.addColumn(p -> p.stage().label()).setHeader("Stage");
        Phones.hideOnPhone(unitOfProject, list.addColumn(ProjectSummary::leadText).setHeader("Lead"),
                list.addColumn(p -> p.aligned() ? "Aligned" : "Not aligned").setHeader("True North"));
        list.addColumn(ProjectsView::flags).setHeader("Attention").setFlexGrow(2);
        list.setHeight("24rem");
        list.addItemClickListener(e -> UI.getCurrent().navigate(ProjectView.class, e.getItem().id()));

        units.addClassName("alignment-units");
        units.addColumn(r -> "\u00a0\u00a0".repeat(r.depth()) + r.unitName()).setHeader("Unit").setFlexGrow(3);
        units.addColumn(AlignmentReport.UnitRow::projects).setHeader("Projects");
        Phones.hideOnPhone(units.addColumn(AlignmentReport.UnitRow::aligned).setHeader("Aligned"));
        units.addColumn(r -> r.sharePercent() + " %").setHeader("Share aligned");

        priorities.addClassName("alignment-priorities");
        priorities.addColumn(r -> r.code() + " " + r.title()).setHeader("Priority").setFlexGrow(3);
        priorities.addColumn(AlignmentReport.PriorityRow::unitName).setHeader("Unit").setFlexGrow(2);
        priorities.addColumn(AlignmentReport.PriorityRow::projects).setHeader("Projects");

        unaligned.addClassName("unaligned-projects");
        unaligned.addColumn(ProjectSummary::title).setHeader("Project").setFlexGrow(3);
        Phones.hideOnPhone(unaligned.addColumn(ProjectSummary::unitName).setHeader("Unit").setFlexGrow(2),
                unaligned.addColumn(p -> p.stage().label()).setHeader("Stage"));
        unaligned.addComponentColumn(this::unalignedActions).setHeader("Actions").setKey("actions").setAutoWidth(true);
        unaligned.setHeight("20rem");

        empty.addClassName("empty-state");
        empty.setVisible(false);
        add(new H2("Projects"), bar, empty, list, new H3("Alignment"), summary, units, new H3("Projects per priority"),
                priorities, withoutProject, new H3("Unaligned projects — the thousand flowers"),
                new Paragraph("Local projects not linked to anything that traces to True North. Prioritising is a "
                        + "decision: a Lead links a project to a priority, proposes it upwards, or lets it be."),
                unaligned);
        // The alignment covers the unit and everything below it, so changes there refresh the screen.
        LiveRefresh.on(this, live, c -> (c.event() instanceof ProjectChanged || c.event() instanceof PlanChanged)
                && shownUnit != 0 && c.atOrBelow(shownUnit), this::show);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        navigating = true;
        unit.select(params);
        below.setValue(params.getSingleParameter("below").map(Boolean::parseBoolean).orElse(false));
        navigating = false;
        show();
    }

    private void go() {
        if (!navigating && unit.getValue() != null) {
            UI.getCurrent().navigate(ProjectsView.class, QueryParameters.simple(Map.of(
                    "unit", unit.getValue().shortCode(), "below", String.valueOf(below.getValue()))));
        }
    }

    void show() {
        if (unit.getValue() == null) {
            return;
        }
        long unitId = unit.getValue().id();
        shownUnit = unitId;
        boolean withBelow = below.getValue();
        // One read-only transaction and one permission look-up for everything but the paged rows.
        ProjectsOverview overview = overviews.overview(unitId, withBelow);
        create.setVisible(overview.mayEdit());
        int count = overview.count();
        list.setItems(q -> projects.projectsOf(unitId, withBelow, false, q.getOffset(), q.getLimit()).stream(), q -> count);
        showEmptyState(overview, withBelow);
        AlignmentReport report = overview.alignment();
        summary.setText(report.unitName() + " and the units below it: " + report.totalProjects() + " projects, "
                + report.totalAligned() + " aligned to True North ("
                + (report.units().isEmpty() ? 0 : report.units().getFirst().sharePercent()) + " %).");
        fit(units, report.units());
        fit(priorities, report.priorities());
        List<AlignmentReport.PriorityRow> without = report.prioritiesWithoutProject();
        withoutProject.setText(without.isEmpty() ? "Every priority has at least one project."
                : "Priorities with no project (" + without.size() + "): " + without.stream().limit(10)
                        .map(p -> p.code() + " " + p.title() + " (" + p.unitName() + ")").collect(Collectors.joining("; "))
                        + (without.size() > 10 ? "; and " + (without.size() - 10) + " more." : "."));
        int unalignedCount = overview.unalignedCount();
        unaligned.setItems(q -> {
            List<ProjectSummary> page = projects.projectsOf(unitId, true, true, q.getOffset(), q.getLimit());
            linkableUnits = projects.unitsWhereMayLink(page.stream().map(ProjectSummary::unitId).toList());
            return page.stream();
        }, q -> unalignedCount);
    }

    /** Says why the list is empty and what to do: "No projects at … 61 projects in the units below: show them." */
    private void showEmptyState(ProjectsOverview overview, boolean withBelow) {
        int count = overview.count();
        empty.removeAll();
        empty.setVisible(count == 0);
        list.setVisible(count > 0);
        if (count > 0) {
            return;
        }
        String name = unit.getValue().name();
        int belowCount = withBelow ? 0 : overview.countWithBelow();
        if (belowCount > 0) {
            Button show = new Button("show them", e -> below.setValue(true));
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            empty.add(new Span("No projects at " + name + " itself. " + belowCount
                    + (belowCount == 1 ? " project" : " projects") + " in the units below: "), show);
        } else {
            empty.add(new Span("No projects at " + name + (withBelow ? " or the units below it" : "") + " yet. "
                    + (overview.mayEdit() ? "Start one with \u201cNew project\u2026\u201d." : "Its Contributors and Leads can start one.")));
        }
    }

    /** Short lists show in full; long ones scroll inside the grid, which only sends the rows on screen. */
    private static <T> void fit(Grid<T> grid, List<T> rows) {
        grid.setItems(rows);
        if (rows.size() <= 12) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setAllRowsVisible(false);
            grid.setHeight("24rem");
        }
    }

    static String flags(ProjectSummary p) {
        List<String> flags = new ArrayList<>();
        if (p.needsNewLead()) {
            flags.add("Needs a new lead");
        }
        if (p.slipping()) {
            flags.add("Slipping");
        }
        return String.join(", ", flags);
    }

    private HorizontalLayout unalignedActions(ProjectSummary p) {
        HorizontalLayout actions = new HorizontalLayout();
        if (linkableUnits.contains(p.unitId())) {
            Button link = new Button("Link…", e -> openLink(p));
            link.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button propose = new Button("Propose upwards…", e -> openPropose(p));
            propose.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(link, propose);
        }
        return actions;
    }

    private void openLink(ProjectSummary p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Link " + p.title());
        ComboBox<LinkedItem> item = new ComboBox<>("Priority or annual objective");
        List<LinkedItem> items = projects.linkableItems(p.unitId());
        item.setItems(items);
        item.setItemLabelGenerator(i -> i.label() + (i.aligned() ? "" : " (does not trace to True North)"));
        item.setWidthFull();
        Button save = new Button("Link", e -> {
            Notices.attempt(() -> {
                if (item.getValue() == null) {
                    throw new RuleViolation("Please choose a priority or annual objective.");
                }
                projects.link(p.id(), item.getValue().itemId());
                Notices.ok(p.title() + " is linked to " + item.getValue().code() + " " + item.getValue().title() + ".");
                dialog.close();
                show();
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(item));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("40rem");
        dialog.open();
    }

    private void openPropose(ProjectSummary p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Propose " + p.title() + " upwards");
        TextArea message = new TextArea("Message");
        message.setWidthFull();
        message.setValue("We would like this to be part of the plan above us.");
        Button save = new Button("Propose", e -> {
            Notices.attempt(() -> {
                projects.proposeUp(p.id(), message.getValue());
                Notices.ok(p.title() + " was proposed upwards; follow it under Catchball.");
                dialog.close();
                show();
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new Paragraph("The unit above receives it through catchball and decides "
                + "whether it belongs on its plan."), message));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("36rem");
        dialog.open();
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New project on " + unit.getValue().name());
        ProjectForm form = new ProjectForm(access.users());
        Button save = new Button("Create project", e -> {
            Notices.attempt(() -> {
                ProjectSummary created = projects.create(unit.getValue().id(), form.draft());
                Notices.ok(created.title() + " was created.");
                dialog.close();
                UI.getCurrent().navigate(ProjectView.class, created.id());
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("44rem");
        dialog.open();
    }

    static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        if (!theme.isEmpty()) {
            s.getElement().getThemeList().add(theme);
        }
        return s;
    }
}
