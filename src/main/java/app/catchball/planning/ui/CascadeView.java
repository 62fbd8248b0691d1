package app.catchball.planning.ui;

import app.catchball.base.live.LiveBroadcaster;
import app.catchball.base.ui.LiveRefresh;
import app.catchball.planning.A3Service;
import app.catchball.planning.CascadePdf;
import app.catchball.planning.CascadeTree;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.PlanChanged;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The whole plan of a cycle as a tree, from True North down to the wards: the X read as a tree. */
@Route("cascade")
@PageTitle("Cascade · Catchball")
@Menu(order = 20, icon = "vaadin:file-tree", title = "Cascade")
@PermitAll
public class CascadeView extends VerticalLayout implements BeforeEnterObserver {

    private final Select<CycleSummary> cycle = new Select<>();
    private final CascadeGrid tree;

    CascadeView(CascadeTree cascade, CycleService cycles, A3Service a3s, CascadePdf cascadePdf, LiveBroadcaster live) {
        this.tree = new CascadeGrid(cascade, a3s, "True North → breakthrough → annual → priority → … → ward");
        tree.setHeight("70vh");
        cycle.setLabel("Cycle");
        List<CycleSummary> all = cycles.cycles();
        cycle.setItems(all);
        cycle.setItemLabelGenerator(c -> c.name() + (c.current() ? " (current)" : ""));
        cycle.addValueChangeListener(e -> show());
        Button expandAll = new Button("Expand all", e -> tree.expandAll());
        Button collapseAll = new Button("Collapse all", e -> tree.collapseAll());
        HorizontalLayout bar = new HorizontalLayout(cycle, expandAll, collapseAll,
                PdfDownload.cascade(cascadePdf, cycle::getValue));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Cascade"), new Paragraph("The whole plan as a tree: each level's hows become the next level's whats. "
                + "It opens down to the trust's priorities; open a branch to see what is cascaded beneath it."), bar, tree);
        // Plan changes of this cycle on a unit shown, or directly beneath one (a new input), reload the open levels.
        LiveRefresh.on(this, live, c -> c.event() instanceof PlanChanged p && (p.cycleId() == null
                || p.cycleId() == tree.cycleId() && c.inOrJustBelow(tree.unitsShown())), tree::reload);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<CycleSummary> all = cycle.getListDataView().getItems().toList();
        String wanted = event.getLocation().getQueryParameters().getSingleParameter("cycle").orElse("");
        cycle.setValue(all.stream().filter(c -> String.valueOf(c.id()).equals(wanted)).findFirst()
                .or(() -> all.stream().filter(CycleSummary::current).findFirst())
                .orElse(all.isEmpty() ? null : all.getFirst()));
    }

    private void show() {
        if (cycle.getValue() != null) {
            tree.showPlan(cycle.getValue().id());
        }
    }
}
