package app.catchball.projects.ui;

import app.catchball.base.Formats;
import app.catchball.base.UnitDirectory;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.Phones;
import app.catchball.base.ui.UnitPicker;
import app.catchball.metrics.MetricChanged;
import app.catchball.planning.PlanChanged;
import app.catchball.planning.ui.XMatrixView;
import app.catchball.projects.ContinuityBoard;
import app.catchball.projects.ContinuityService;
import app.catchball.projects.ProjectChanged;
import app.catchball.projects.ProjectSummary;
import app.catchball.projects.Responsibility;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * The continuity board of a unit and everything below it: projects that need a new lead (their
 * lead left or moved, or they never had one), X-matrix items whose accountable person left, and
 * finished projects that are slipping. Nothing is reassigned silently: a handover does it.
 */
@Route("continuity")
@PageTitle("Continuity · Catchball")
@Menu(order = 36, icon = "vaadin:users", title = "Continuity")
@PermitAll
public class ContinuityView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = Formats.DAY;

    private final ContinuityService continuity;
    private final UnitPicker unit;
    /** Units of the listed projects where the user may hand over: asked once per list, not per button. */
    private Set<Long> mayHandOver = Set.of();
    private final Paragraph summary = new Paragraph();
    private final Grid<ContinuityBoard.OrphanedProject> needs = new Grid<>();
    private final Grid<Responsibility> responsibilities = new Grid<>();
    private final Grid<ProjectSummary> slipping = new Grid<>();
    private final Grid.Column<ContinuityBoard.OrphanedProject> handoverColumn;
    /** The unit on screen, read by the live filter off the UI thread (0: none yet). */
    private volatile long shownUnit;

    ContinuityView(ContinuityService continuity, UnitDirectory units, LiveBroadcaster live) {
        this.continuity = continuity;
        this.unit = new UnitPicker(units);
        setWidthFull();
        unit.onPick(u -> UI.getCurrent().navigate(ContinuityView.class,
                QueryParameters.simple(Map.of(UnitPicker.PARAMETER, u.shortCode()))));

        needs.addClassName("needs-new-lead");
        needs.addComponentColumn(o -> Routes.link(o.project().title(), ProjectView.class, o.project().id()))
                .setHeader("Project").setFlexGrow(3);
        Phones.hideOnPhone(needs.addColumn(o -> o.project().unitName()).setHeader("Unit").setFlexGrow(2),
                needs.addColumn(o -> o.project().stage().label()).setHeader("Stage"));
        needs.addColumn(ContinuityBoard.OrphanedProject::reason).setHeader("Why").setFlexGrow(3)
                .setTooltipGenerator(ContinuityBoard.OrphanedProject::reason);
        handoverColumn = needs.addComponentColumn(this::handover).setHeader("Action").setKey("handover").setAutoWidth(true);
        needs.setAllRowsVisible(true);

        responsibilities.addClassName("responsibilities");
        // The item opens its unit's X-matrix, where the accountable person is changed.
        responsibilities.addComponentColumn(r -> Routes.link(r.code() + " " + r.title(), XMatrixView.class,
                UnitPicker.PARAMETER, String.valueOf(r.unitId()), XMatrixView.CYCLE, String.valueOf(r.cycleId())))
                .setHeader("X-matrix item").setFlexGrow(3);
        Phones.hideOnPhone(responsibilities.addColumn(Responsibility::unitName).setHeader("Unit").setFlexGrow(2));
        responsibilities.addColumn(Responsibility::reason).setHeader("Why").setFlexGrow(3)
                .setTooltipGenerator(Responsibility::reason);
        responsibilities.setAllRowsVisible(true);

        slipping.addClassName("slipping");
        slipping.addComponentColumn(p -> Routes.link(p.title(), ProjectView.class, p.id())).setHeader("Project").setFlexGrow(3);
        Phones.hideOnPhone(slipping.addColumn(ProjectSummary::unitName).setHeader("Unit").setFlexGrow(2),
                slipping.addColumn(p -> p.stage().label()).setHeader("Stage"));
        slipping.addColumn(p -> p.endDate() == null ? "" : DAY.format(p.endDate())).setHeader("Ended");
        slipping.addColumn(ProjectSummary::leadText).setHeader("Lead");
        slipping.setAllRowsVisible(true);

        add(new H2("Continuity"), new HorizontalLayout(unit, new ExportMenu(() -> ProjectExports.continuity(continuity, unit.getValue()))), summary, new H3("Needs a new lead"), needs,
                new H3("X-matrix responsibilities that need a new person"),
                new Paragraph("Open an item to change its accountable person on the unit's X-matrix."), responsibilities,
                new H3("Slipping"), new Paragraph("Finished projects whose measures show special-cause concern after "
                        + "the project ended."), slipping);
        // Projects, X-matrix items and measures of the unit and below, as others change them.
        LiveRefresh.on(this, live, c -> (c.event() instanceof ProjectChanged || c.event() instanceof PlanChanged
                || c.event() instanceof MetricChanged) && shownUnit != 0 && c.atOrBelow(shownUnit), this::show);
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
        ContinuityBoard board = continuity.continuity(unit.getValue().id());
        shownUnit = unit.getValue().id();
        summary.setText(board.unitName() + " and the units below it: "
                + count(board.needsNewLead().size(), "project needs", "projects need") + " a new lead, "
                + count(board.responsibilities().size(), "X-matrix item needs", "X-matrix items need")
                + " a new accountable person, " + count(board.slipping().size(), "project is", "projects are") + " slipping.");
        mayHandOver = continuity.unitsWhereMayHandOver(board.needsNewLead().stream().map(o -> o.project().unitId()).toList());
        handoverColumn.setVisible(!mayHandOver.isEmpty());
        String where = board.unitName() + " or the units below it";
        needs.setEmptyStateText("No project at " + where + " needs a new lead: each has a lead who still holds a role there.");
        responsibilities.setEmptyStateText("No X-matrix item at " + where + " needs a new accountable person.");
        slipping.setEmptyStateText("No finished project at " + where + " shows special-cause concern since it ended.");
        needs.setItems(board.needsNewLead());
        responsibilities.setItems(board.responsibilities());
        slipping.setItems(board.slipping());
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private Button handover(ContinuityBoard.OrphanedProject o) {
        Button b = new Button("Hand over…", e -> new HandoverDialog(continuity, o.project(), continuity.possibleLeads(o.project().unitId()), this::show).open());
        b.setId("handover-" + o.project().id());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.setVisible(mayHandOver.contains(o.project().unitId()));
        return b;
    }
}
