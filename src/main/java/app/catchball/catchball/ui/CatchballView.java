package app.catchball.catchball.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.UnitDirectory;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.live.LiveChange;
import app.catchball.base.ui.ExportMenu;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.base.ui.UnitPicker;
import app.catchball.catchball.CatchballService;
import app.catchball.catchball.CatchballThreadChanged;
import app.catchball.catchball.InboxRow.Bucket;
import app.catchball.catchball.InboxRow;
import app.catchball.catchball.UnitAgreement;
import app.catchball.metrics.MetricsService;
import app.catchball.organisation.OrganisationService;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleStage;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import app.catchball.security.AccessService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * The catchball inbox: threads waiting on me, waiting on them, agreed and closed, filtered by cycle
 * and unit. It updates as the other side moves. {@code catchball?propose=<item id>} opens a new
 * proposal about that item.
 */
@Route("catchball")
@NamedInterface("routes")
@PageTitle("Catchball · Catchball")
@Menu(order = 15, icon = "vaadin:exchange", title = "Catchball")
@PermitAll
public class CatchballView extends VerticalLayout implements BeforeEnterObserver {

    /** {@code catchball?propose=<item id>}: opens a new proposal about that item. */
    static final String PROPOSE = "propose";
    private static final DateTimeFormatter WHEN = Formats.DAY_AND_TIME;

    private final CatchballService catchball;
    private final PlanningService planning;
    private final OrganisationService organisation;
    private final MetricsService metrics;
    private final ComboBox<CycleSummary> cycle = new ComboBox<>("Cycle");
    private final UnitPicker unit;
    private final Tabs tabs = new Tabs();
    private final Map<Bucket, Tab> tabByBucket = new EnumMap<>(Bucket.class);
    private final Grid<InboxRow> grid = new Grid<>();
    private final Grid<UnitAgreement> agreement = new Grid<>();
    private final H3 agreementTitle = new H3("Agreement by unit");
    /** The units a non-Admin leads, to start catchball from (an Admin picks any unit instead). */
    private final List<UnitNode> myUnits;
    private final boolean admin;
    private final UnitDirectory units;
    /** The units whose threads the inbox shows without a unit filter; what is on screen, read by the live filter. */
    private final Set<Long> led;
    private volatile Long shownCycle;
    private volatile Long shownUnit;
    private List<InboxRow> rows = List.of();

    CatchballView(CatchballService catchball, LiveBroadcaster live, CycleService cycles,
                  PlanningService planning, OrganisationService organisation, UnitDirectory units, AccessService access,
                  MetricsService metrics) {
        this.metrics = metrics;
        this.catchball = catchball;
        this.planning = planning;
        this.organisation = organisation;
        this.unit = new UnitPicker(units);
        this.units = units;
        setSizeFull();

        // The units the user starts catchball from: where they lead (one statement). An Admin may
        // start it from any unit, chosen with the lazy unit picker rather than a list of them all.
        led = catchball.myCatchballUnits();
        admin = access.me().admin();
        myUnits = admin ? List.of() : organisation.units(led);
        boolean anyUnitsBelow = admin || !organisation.withUnitsBelow(myUnits.stream().map(UnitNode::id).toList()).isEmpty();

        cycle.setItems(cycles.cycles());
        cycle.setItemLabelGenerator(c -> c.name() + " · " + c.stage().label());
        cycle.setClearButtonVisible(true);
        cycle.setPlaceholder("All cycles");
        cycle.setWidth("16rem");
        cycles.current().ifPresent(c -> cycle.getListDataView().getItems().filter(x -> x.id() == c.id()).findFirst().ifPresent(cycle::setValue));
        unit.setClearButtonVisible(true);
        unit.setPlaceholder("My units");
        cycle.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());

        for (Bucket b : Bucket.values()) {
            Tab tab = new Tab(b.label());
            tabByBucket.put(b, tab);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        // vaadin-tabs puts a div[tabindex] between its tablist and the tabs, which breaks the ARIA
        // tablist structure (axe: aria-required-children); the tabs themselves are the focus stops.
        tabs.getElement().executeJs("this.updateComplete.then(() => this.shadowRoot.querySelector('#scroll').removeAttribute('tabindex'))");

        Button down = new Button("Propose to units below…", e -> newProposal(null));
        down.setVisible(anyUnitsBelow);
        Button up = new Button("Propose to the unit above…", e -> {
            if (cycle.getValue() == null) {
                Notices.error("Choose the cycle first.");
                return;
            }
            ProposalDialog.up(catchball, fromUnits(), cycle.getValue()).open();
        });
        up.setVisible(admin || myUnits.stream().anyMatch(u -> u.parentId() != null));
        HorizontalLayout bar = new HorizontalLayout(cycle, unit, down, up, new ExportMenu(() -> CatchballExports.inbox(
                catchball, cycle.getValue(), unit.getValue(), selectedBucket())));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.addColumn(InboxRow::title).setHeader("Proposal").setFlexGrow(3);
        Grid.Column<InboxRow> target = grid.addColumn(r -> r.target() == null ? "" : r.target()).setHeader("Target");
        Grid.Column<InboxRow> between = grid.addColumn(InboxRow::between).setHeader("Between").setFlexGrow(2);
        grid.addColumn(r -> r.status().name().charAt(0) + r.status().name().substring(1).toLowerCase()).setHeader("Status");
        grid.addColumn(InboxRow::waitingOn).setHeader("Waiting on");
        Phones.hideOnPhone(target, between, grid.addColumn(InboxRow::rounds).setHeader("Rounds").setFlexGrow(0).setWidth("6rem"),
                grid.addColumn(r -> WHEN.format(r.updatedAt().atZone(ZoneId.systemDefault()))).setHeader("Updated"));
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ThreadPage.class, e.getItem().linkId()));
        grid.addClassName("inbox");

        agreement.addColumn(UnitAgreement::unitName).setHeader("Unit");
        agreement.addColumn(a -> a.agreed() + " of " + a.total() + " agreed").setHeader("Threads");
        agreement.setAllRowsVisible(true);
        add(new H2("Catchball"), bar, tabs, grid, agreementTitle, agreement);
        refresh();
        LiveRefresh.on(this, live, this::concerns, this::moved);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(PROPOSE).ifPresent(id -> {
            try {
                newProposal(planning.item(Long.parseLong(id)));
            } catch (NumberFormatException | RuleViolation ex) {
                Notices.error("That item does not exist.");
            }
        });
    }

    private void newProposal(ItemView item) {
        if (cycle.getValue() == null) {
            Notices.error("Choose the cycle first.");
            return;
        }
        ProposalDialog.down(catchball, planning, organisation, metrics, fromUnits(), cycle.getValue(), item).open();
    }

    /** The "From unit" choice: an Admin's is the lazy unit picker (any unit), anyone else's the units they lead. */
    private ProposalDialog.FromUnits fromUnits() {
        return admin ? ProposalDialog.FromUnits.anyOf(units) : ProposalDialog.FromUnits.of(myUnits);
    }

    private void refresh() {
        Long cycleId = cycle.getValue() == null ? null : cycle.getValue().id();
        Long unitId = unit.getValue() == null ? null : unit.getValue().id();
        shownCycle = cycleId;
        shownUnit = unitId;
        rows = catchball.inbox(cycleId, unitId);
        Map<Bucket, Long> counts = rows.stream().collect(Collectors.groupingBy(InboxRow::bucket, Collectors.counting()));
        tabByBucket.forEach((b, tab) -> tab.setLabel(b.label() + " (" + counts.getOrDefault(b, 0L) + ")"));
        Bucket selected = selectedBucket();
        grid.setItems(rows.stream().filter(r -> r.bucket() == selected).toList());
        grid.setEmptyStateText(emptyText(selected));
        boolean showAgreement = cycle.getValue() != null;
        agreementTitle.setVisible(showAgreement);
        agreement.setVisible(showAgreement);
        if (showAgreement) {
            agreementTitle.setText(cycle.getValue().stage() == CycleStage.CATCHBALL
                    ? "Agreement by unit (catchball stage)" : "Agreement by unit");
            agreement.setItems(catchball.agreementByUnit(cycle.getValue().id()));
        }
    }

    /** Why the selected tab is empty and what to do. */
    private String emptyText(Bucket bucket) {
        String where = (unit.getValue() == null ? "your units" : unit.getValue().name())
                + (cycle.getValue() == null ? "" : " in " + cycle.getValue().name());
        if (unit.getValue() == null && myUnits.isEmpty()) {
            return "You lead no unit, so no catchball is yours. Choose a unit above to follow its proposals.";
        }
        return switch (bucket) {
            case WAITING_ON_ME -> "Nothing is waiting on " + where + ". See \u201cWaiting on them\u201d for proposals you sent.";
            case WAITING_ON_THEM -> "Nothing from " + where + " is waiting on another unit.";
            case AGREED -> "No proposal of " + where + " has been agreed yet.";
            case CLOSED -> "No proposal of " + where + " was withdrawn.";
        };
    }

    private Bucket selectedBucket() {
        return tabByBucket.entrySet().stream().filter(e -> e.getValue() == tabs.getSelectedTab())
                .map(Map.Entry::getKey).findFirst().orElse(Bucket.WAITING_ON_ME);
    }

    /** A move concerns the inbox when it is in the cycle shown and between units it shows (read off the UI thread). */
    private boolean concerns(LiveChange change) {
        Long unitId = shownUnit;
        return change.event() instanceof CatchballThreadChanged moved && moved.inCycle(shownCycle)
                && (unitId == null ? led.contains(moved.unitId()) || led.contains(moved.childUnitId()) : moved.touchesUnit(unitId));
    }

    /** Other users' moves: one inbox read, and a note for each move that made it the user's turn. */
    private void moved(List<LiveChange> changes) {
        refresh();
        for (LiveChange change : changes) {
            if (change.event() instanceof CatchballThreadChanged moved && led.contains(moved.waitingOnUnitId())) {
                String title = rows.stream().filter(r -> r.linkId() == moved.id()).map(InboxRow::title).findFirst().orElse("a proposal");
                Notification.show(moved.byName() + " " + moved.move().pastTense() + " “" + title + "” — it is your turn.",
                        5000, Notification.Position.TOP_END).addThemeVariants(NotificationVariant.LUMO_PRIMARY);
            }
        }
    }
}
