package app.catchball.planning.ui;

import app.catchball.planning.A3Status;
import app.catchball.planning.Corner;
import app.catchball.planning.ItemView;
import app.catchball.planning.Side;
import app.catchball.planning.XMatrix;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed Java API of the {@code <x-matrix>} custom element (frontend/components/x-matrix.js): a
 * plain JavaScript element that draws the canonical X-matrix in SVG from a JSON model, served as a
 * static resource (no npm build). Clicks, Space and Enter on a corner cell come back as
 * {@link CellClickEvent}; the server decides the new symbol and sends a new model.
 */
@Tag("x-matrix")
@JsModule("context://components/x-matrix.js")
public class XMatrixElement extends Component implements HasSize {

    /** The JSON model the element draws (see x-matrix.js). */
    public record Model(String title, boolean readOnly, Map<String, List<Item>> sides, List<Cell> correlations, CellRef focus) {
    }

    /** {@code status}: a priority's A3 status ("on-track", "at-risk", "off-track"), drawn as a small marker; else null. */
    public record Item(long id, String code, String label, String detail, boolean inherited, List<String> warnings,
                       String status, String statusLabel) {
    }

    public record Cell(String corner, long a, long b, String strength) {
    }

    public record CellRef(String corner, long a, long b) {
    }

    public XMatrixElement() {
        setWidthFull();
    }

    /** Shows a matrix; {@code focus} (optional) is the cell to keep the keyboard focus on. */
    public void show(XMatrix matrix, CellRef focus) {
        show(matrix, focus, Map.of());
    }

    /** Shows a matrix with the A3 status of its priorities (a small marker on each priority that has an A3). */
    public void show(XMatrix matrix, CellRef focus, Map<Long, A3Status> statuses) {
        Map<String, List<Item>> sides = new LinkedHashMap<>();
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            List<Item> list = new ArrayList<>();
            for (ItemView item : matrix.side(side)) {
                A3Status status = statuses.get(item.id());
                list.add(new Item(item.id(), item.code(), item.title(), detail(item), item.inherited(),
                        matrix.warningsOf(item.id()), status == null ? null : status.name().toLowerCase().replace('_', '-'),
                        status == null ? null : status.label()));
            }
            sides.put(side.key(), list);
        }
        List<Cell> cells = matrix.correlations().stream()
                .map(c -> new Cell(c.corner().name(), c.a(), c.b(), c.strength().name())).toList();
        String title = matrix.unit().name() + " · " + matrix.cycle().name();
        getElement().setPropertyBean("model", new Model(title, !matrix.editable(), sides, cells, focus));
    }

    private static String detail(ItemView item) {
        if (item.inherited()) {
            return item.sourceUnitName() == null ? "cascaded" : "from " + item.sourceUnitName();
        }
        if (item.targetText() != null) {
            return "target " + item.targetText();
        }
        return item.accountableName();
    }

    public Registration addCellClickListener(ComponentEventListener<CellClickEvent> listener) {
        return addListener(CellClickEvent.class, listener);
    }

    public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    public Registration addItemAddListener(ComponentEventListener<ItemAddEvent> listener) {
        return addListener(ItemAddEvent.class, listener);
    }

    /** A corner cell was clicked, or Space / Enter was pressed on it. */
    @DomEvent("cell-click")
    public static class CellClickEvent extends ComponentEvent<XMatrixElement> {
        private final Corner corner;
        private final long a;
        private final long b;

        public CellClickEvent(XMatrixElement source, boolean fromClient,
                              @EventData("event.detail.corner") String corner,
                              @EventData("event.detail.a") double a,
                              @EventData("event.detail.b") double b) {
            super(source, fromClient);
            this.corner = Corner.valueOf(corner);
            this.a = (long) a;
            this.b = (long) b;
        }

        public Corner corner() {
            return corner;
        }

        public long a() {
            return a;
        }

        public long b() {
            return b;
        }
    }

    /** An item's label was clicked. */
    @DomEvent("item-click")
    public static class ItemClickEvent extends ComponentEvent<XMatrixElement> {
        private final Side side;
        private final long id;

        public ItemClickEvent(XMatrixElement source, boolean fromClient,
                              @EventData("event.detail.side") String side,
                              @EventData("event.detail.id") double id) {
            super(source, fromClient);
            this.side = Side.valueOf(side.toUpperCase());
            this.id = (long) id;
        }

        public Side side() {
            return side;
        }

        public long id() {
            return id;
        }
    }

    /** "+ Add" was clicked on a side. */
    @DomEvent("item-add")
    public static class ItemAddEvent extends ComponentEvent<XMatrixElement> {
        private final Side side;

        public ItemAddEvent(XMatrixElement source, boolean fromClient, @EventData("event.detail.side") String side) {
            super(source, fromClient);
            this.side = Side.valueOf(side.toUpperCase());
        }

        public Side side() {
            return side;
        }
    }
}
