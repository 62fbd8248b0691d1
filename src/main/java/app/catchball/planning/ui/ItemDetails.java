package app.catchball.planning.ui;

import app.catchball.audit.AuditEntry;
import app.catchball.audit.AuditService;
import app.catchball.base.Formats;
import app.catchball.base.ui.Routes;
import app.catchball.planning.A3Service;
import app.catchball.planning.CascadeTree;
import app.catchball.planning.ItemKind;
import app.catchball.planning.ItemView;
import app.catchball.planning.PlanningService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;

/** What the X-matrix's item panel reads out about an item: its facts, its line of sight, what is cascaded beneath it, its history. */
final class ItemDetails {

    private ItemDetails() {
    }

    /** Title, kind, description, who is accountable, a metric's baseline and target, a priority's A3. */
    static void describe(VerticalLayout detail, ItemView item) {
        detail.add(new H3(item.code() + " " + item.title()));
        Span kind = new Span(item.kind().label() + (item.inherited() && item.sourceUnitName() != null
                ? " · from " + item.sourceUnitName() : ""));
        kind.addClassName("unit-path");
        detail.add(kind);
        if (item.description() != null) {
            detail.add(new Paragraph(item.description()));
        }
        if (item.accountableName() != null) {
            detail.add(new Paragraph("Accountable: " + item.accountableName()));
        }
        if (item.kind() == ItemKind.METRIC) {
            detail.add(new Paragraph("Baseline " + (item.baseline() == null ? "—" : item.baseline().stripTrailingZeros().toPlainString())
                    + " → target " + (item.targetText() == null ? "—" : item.targetText())
                    + (item.direction() == null ? "" : " · " + item.direction().label().toLowerCase())
                    + (item.dueDate() == null ? "" : " · due " + item.dueDate())));
        }
        if (item.kind() == ItemKind.PRIORITY) {
            detail.add(Routes.link("A3 of this priority", A3View.class, item.id()));
        }
    }

    /** Line of sight to True North, what is cascaded beneath it, and its history. */
    static void trace(VerticalLayout detail, PlanningService planning, CascadeTree cascadeTree, A3Service a3s,
                      AuditService audit, long itemId, long cycleId) {
        detail.add(new LineOfSight(planning.lineOfSight(itemId)));
        CascadeGrid below = new CascadeGrid(cascadeTree, a3s, "Cascaded beneath it");
        below.showBeneath(itemId, cycleId);
        below.setAllRowsVisible(true);
        detail.add(below);
        detail.add(new H3("History"));
        Grid<AuditEntry> history = new Grid<>();
        history.addColumn(e -> Formats.DAY_AND_TIME
                .format(e.at().atZone(ZoneId.systemDefault()))).setHeader("When").setAutoWidth(true);
        history.addColumn(AuditEntry::sentence).setHeader("What happened");
        history.addColumn(AuditEntry::changes).setHeader("Change");
        history.setItems(audit.history("plan_item", itemId));
        history.setAllRowsVisible(true);
        history.addClassName("item-history");
        detail.add(history);
    }
}
