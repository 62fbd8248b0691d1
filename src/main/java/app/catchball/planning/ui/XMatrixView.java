package app.catchball.planning.ui;

import app.catchball.audit.AuditService;
import app.catchball.base.UnitDirectory;
import app.catchball.base.UnitRef;
import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.base.ui.Notices;
import app.catchball.base.ui.UnitPicker;
import app.catchball.organisation.UnitNode;
import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.CascadeTree;
import app.catchball.planning.Corner;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanChanged;
import app.catchball.planning.PlanningService;
import app.catchball.planning.PriorityStatus;
import app.catchball.planning.Side;
import app.catchball.planning.Strength;
import app.catchball.planning.XMatrix;
import app.catchball.planning.XMatrixExport;
import app.catchball.planning.XMatrixImport;
import app.catchball.planning.XMatrixPdf;
import app.catchball.planning.XMatrixScreen;
import app.catchball.planning.XMatrixScreenService;
import app.catchball.security.AccessService;
import app.catchball.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * A unit's X-matrix in a cycle. Opens the signed-in user's own unit in the current cycle; any unit
 * and cycle can be chosen, and the URL ({@code x-matrix?unit=W7&cycle=1}) can be bookmarked. Leads
 * edit in place; everyone else reads.
 */
@Route("x-matrix")
@NamedInterface("routes")
@PageTitle("X-matrix · Catchball")
@Menu(order = 10, icon = "vaadin:grid-small", title = "X-matrix")
@PermitAll
public class XMatrixView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanningService planning;
    private final CascadeTree cascadeTree;
    private final CycleService cycles;
    private final AccessService access;
    private final AuditService audit;
    private final A3Service a3s;
    private final XMatrixScreenService screens;
    private final Span priorityRollUp = new Span();

    private final UnitPicker unitPicker;
    private final Select<CycleSummary> cyclePicker = new Select<>();
    private final XMatrixElement matrixElement = new XMatrixElement();
    private final Div trueNorth = new Div();
    private final Div warnings = new Div();
    private final VerticalLayout detail = new VerticalLayout();
    private final Button deploy = new Button("Deploy to units…");
    private final Button addTrueNorth = new Button("+ True North goal");
    private XMatrix current;
    private final XMatrixExcel excel;
    /** The matrix on screen, read by the live filter off the UI thread. */
    private volatile XMatrix shown;
    private boolean navigating;
    private final ProposalLink proposals;
    /** Query parameter: the cycle shown ({@code x-matrix?unit=W7&cycle=3}). */
    public static final String CYCLE = "cycle";

    XMatrixView(PlanningService planning, CascadeTree cascadeTree, CycleService cycles, UnitDirectory units, AccessService access,
                AuditService audit, A3Service a3s, XMatrixScreenService screens, XMatrixExport export, XMatrixImport imports,
                XMatrixPdf xMatrixPdf, LiveBroadcaster live, ProposalLink proposals) {
        this.proposals = proposals;
        this.audit = audit;
        this.a3s = a3s;
        this.screens = screens;
        this.planning = planning;
        this.cascadeTree = cascadeTree;
        this.cycles = cycles;
        this.unitPicker = new UnitPicker(units);
        this.access = access;
        setSizeFull();
        addClassName("x-matrix-view");

        cyclePicker.setLabel("Cycle");
        cyclePicker.setItems(cycles.cycles());
        cyclePicker.setItemLabelGenerator(c -> c.name() + " · " + c.stage().label() + (c.current() ? " (current)" : ""));
        cyclePicker.setWidth("18rem");
        unitPicker.onPick(u -> go());
        cyclePicker.addValueChangeListener(e -> { if (e.isFromClient()) go(); });

        Button print = new Button("Print (A3)", e -> UI.getCurrent().getPage().executeJs("window.print()"));
        Button cascade = new Button("Cascade view", e -> UI.getCurrent().navigate(CascadeView.class,
                QueryParameters.of("cycle", String.valueOf(cyclePicker.getValue() == null ? "" : cyclePicker.getValue().id()))));
        deploy.addClickListener(e -> openDeploy());
        addTrueNorth.addClickListener(e -> openItemDialog(ItemKind.TRUE_NORTH, null));
        HorizontalLayout toolbar = new HorizontalLayout(unitPicker, cyclePicker, deploy, cascade, print,
                PdfDownload.xMatrix(xMatrixPdf, () -> current));
        excel = new XMatrixExcel(export, imports, () -> current, () -> reload(null));
        excel.components().forEach(toolbar::add);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("no-print");
        toolbar.setWrap(true);

        matrixElement.addCellClickListener(e -> cycle(e.corner(), e.a(), e.b()));
        matrixElement.addItemClickListener(e -> showItem(e.id()));
        matrixElement.addItemAddListener(e -> openItemDialog(kindFor(e.side()), null));

        trueNorth.addClassName("true-north");
        warnings.addClassName("matrix-warnings");
        detail.addClassNames("detail-panel", "no-print");
        detail.setWidth("28rem");
        detail.add(new Paragraph("Click an item to see its line of sight to True North."));
        priorityRollUp.addClassName("priority-roll-up");
        VerticalLayout main = new VerticalLayout(trueNorth, matrixElement, priorityRollUp, warnings);
        main.setPadding(false);
        HorizontalLayout body = new HorizontalLayout(main, detail);
        body.setWidthFull();
        body.setFlexGrow(1, main);
        add(new H2("X-matrix"), toolbar, body);
        // Other users' changes to this matrix (or to True North, on every matrix) show as they are saved.
        LiveRefresh.on(this, live, c -> c.event() instanceof PlanChanged p && shown != null
                && (p.cycleId() == null || p.unitId() == shown.unit().id() && p.cycleId() == shown.cycle().id()), () -> reload(null));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        // The cycles the picker already holds (read once, when the view was built): no second look-up.
        List<CycleSummary> known = cyclePicker.getListDataView().getItems().toList();
        Optional<CycleSummary> cycle = first(params, CYCLE).flatMap(id -> known.stream()
                .filter(c -> String.valueOf(c.id()).equals(id)).findFirst())
                .or(() -> known.stream().filter(CycleSummary::current).findFirst());
        navigating = true;
        Optional<UnitRef> unit = unitPicker.select(event.getLocation().getQueryParameters());
        navigating = false;
        if (unit.isEmpty() || cycle.isEmpty()) {
            removeAll();
            add(new H2("X-matrix"), new Paragraph("There is no planning cycle yet. An Admin or a trust Lead can create one under Cycles."));
            return;
        }
        navigating = true;
        cyclePicker.setValue(cycle.get());
        navigating = false;
        reload(null);
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        return Optional.ofNullable(params.get(key)).filter(l -> !l.isEmpty()).map(List::getFirst);
    }

    private void go() {
        if (navigating || unitPicker.getValue() == null || cyclePicker.getValue() == null) {
            return;
        }
        UI.getCurrent().navigate(XMatrixView.class, QueryParameters.simple(Map.of(
                "unit", unitPicker.getValue().shortCode(), CYCLE, String.valueOf(cyclePicker.getValue().id()))));
    }

    private void reload(XMatrixElement.CellRef focus) {
        XMatrixScreen screen = screens.screen(unitPicker.getValue().id(), cyclePicker.getValue().id());
        current = screen.matrix();
        shown = current;
        List<ItemView> priorities = current.side(Side.NORTH);
        Map<Long, A3Status> statuses = screen.statuses();
        matrixElement.show(current, focus, statuses);
        priorityRollUp.setText(priorities.isEmpty() ? "" : PriorityStatus.rollUp(
                statuses.values().stream().filter(st -> st == A3Status.ON_TRACK).count(), priorities.size()));
        deploy.setVisible(current.editable());
        excel.show(current);
        showTrueNorth();
        showWarnings();
    }

    private void showTrueNorth() {
        trueNorth.removeAll();
        if (current.trueNorth().isEmpty() && !(current.editable() && current.unit().parentId() == null)) {
            return;
        }
        trueNorth.add(new Span("True North: "));
        current.trueNorth().forEach(goal -> {
            Button chip = new Button(goal.code() + " " + goal.title(), e -> showItem(goal.id()));
            chip.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            trueNorth.add(chip);
        });
        addTrueNorth.setVisible(current.editable());
        addTrueNorth.addThemeVariants(ButtonVariant.LUMO_SMALL);
        trueNorth.add(addTrueNorth);
    }

    private void showWarnings() {
        warnings.removeAll();
        UnorderedList list = new UnorderedList();
        current.matrixWarnings().forEach(w -> list.add(new ListItem(w)));
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            for (ItemView item : current.side(side)) {
                List<String> w = current.warningsOf(item.id());
                if (!w.isEmpty()) {
                    list.add(new ListItem("⚠ " + item.code() + " " + item.title() + ": " + String.join(", ", w)));
                }
            }
        }
        if (list.getChildren().findAny().isPresent()) {
            warnings.add(new H3("Warnings"), list);
        }
    }

    private void cycle(Corner corner, long a, long b) {
        Notices.attempt(() -> {
            Strength s = planning.cycleCorrelation(corner, a, b);
            ItemView itemA = current.item(a);
            ItemView itemB = current.item(b);
            String pair = (itemA == null ? "?" : itemA.code()) + " × " + (itemB == null ? "?" : itemB.code());
            String what = s == null ? "no link" : s.symbol() + " "
                    + (corner == Corner.OWNERS ? s.ownerLabel() : s.label());
            Notices.ok(pair + ": " + what + " — saved");
            reload(new XMatrixElement.CellRef(corner.name(), a, b));
        });
    }

    private static ItemKind kindFor(Side side) {
        return switch (side) {
            case SOUTH -> ItemKind.BREAKTHROUGH;
            case WEST -> ItemKind.ANNUAL;
            case NORTH -> ItemKind.PRIORITY;
            case EAST -> ItemKind.METRIC;
            case OWNERS -> ItemKind.OWNER;
            case NONE -> throw new IllegalArgumentException();
        };
    }

    private void openItemDialog(ItemKind kind, ItemView existing) {
        List<UserSummary> users = access.users().stream().filter(UserSummary::active).toList();
        List<ItemView> goals = planning.trueNorthFor(current.unit().id());
        ItemDialog dialog = new ItemDialog(kind, existing, users, goals, draft -> {
            boolean[] conflicted = {false};
            boolean saved = Notices.attempt(() -> {
                ItemView item = existing == null
                        ? planning.createItem(current.unit().id(), current.cycle().id(), kind, draft)
                        : planning.updateItem(existing.id(), draft, existing.version());
                Notices.ok(item.code() + " " + (existing == null ? "added" : "saved") + ".");
                reload(null);
                showItem(item.id());
                return item;
            }, ex -> {
                conflicted[0] = true;
                conflict(ex.getMessage());
            }).isPresent();
            return saved || conflicted[0];
        });
        if (existing != null) {
            dialog.onReload(() -> {
                dialog.close();
                openItemDialog(kind, planning.item(existing.id()));
            });
        }
        dialog.open();
    }

    private void showItem(long itemId) {
        ItemView item = planning.item(itemId);
        detail.removeAll();
        ItemDetails.describe(detail, item);
        boolean editable = current.editable() && !item.inherited();
        if (editable) {
            Button edit = new Button("Edit", e -> openItemDialog(item.kind(), planning.item(itemId)));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button up = new Button("Move up", e -> act(() -> planning.moveItem(itemId, -1), item.code() + " moved up."));
            Button down = new Button("Move down", e -> act(() -> planning.moveItem(itemId, 1), item.code() + " moved down."));
            Button archive = new Button("Archive", e -> act(() -> planning.archiveItem(itemId, item.version()),
                    item.code() + " archived. It is kept with its history."));
            archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
            if (item.kind() == ItemKind.PRIORITY || item.kind() == ItemKind.ANNUAL) {
                detail.add(proposals.proposeDown(item.id()));
            }
            HorizontalLayout buttons = item.kind() == ItemKind.TRUE_NORTH
                    ? new HorizontalLayout(edit, archive) : new HorizontalLayout(edit, up, down, archive);
            buttons.setWrap(true);
            detail.add(buttons);
        }
        ItemDetails.trace(detail, planning, cascadeTree, a3s, audit, itemId, cyclePicker.getValue().id());
    }

    private void act(Runnable change, String confirmation) {
        Notices.attempt(() -> {
            change.run();
            Notices.ok(confirmation);
            reload(null);
            detail.removeAll();
            return true;
        }, ex -> conflict(ex.getMessage()));
    }

    private void openDeploy() {
        List<ItemView> sources = new ArrayList<>(current.side(Side.NORTH));
        sources.addAll(current.side(Side.WEST));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deploy to units below " + current.unit().name());
        Select<ItemView> source = new Select<>();
        source.setLabel("Item to deploy");
        source.setItems(sources);
        source.setItemLabelGenerator(i -> i.code() + " " + i.title());
        source.setWidthFull();
        CheckboxGroup<UnitNode> targets = new CheckboxGroup<>("Deploy to");
        targets.setItemLabelGenerator(UnitNode::name);
        source.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            Map<UnitNode, Boolean> options = planning.deployTargets(e.getValue().id());
            targets.setItems(options.keySet());
            targets.setItemEnabledProvider(u -> !options.get(u));
        });
        Button ok = new Button("Deploy", e -> {
            if (source.getValue() == null || targets.getValue().isEmpty()) {
                Notices.error("Choose an item and at least one unit.");
                return;
            }
            Notices.attempt(() -> {
                List<ItemView> created = planning.deploy(source.getValue().id(), targets.getValue().stream().map(UnitNode::id).toList());
                Notices.ok(source.getValue().code() + " deployed to " + created.size() + (created.size() == 1 ? " unit." : " units."));
                dialog.close();
                reload(null);
            });
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new Paragraph("Improvement priorities (or annual objectives) become inputs on the "
                + "South side of the units you choose, linked back to this unit."), source, targets));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.setWidth("36rem");
        dialog.open();
    }

    private void conflict(String message) {
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        Button reload = new Button("Reload", e -> {
            n.close();
            reload(null);
            detail.removeAll();
        });
        n.add(new HorizontalLayout(new Span(message), reload));
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(0);
        n.open();
    }


}
