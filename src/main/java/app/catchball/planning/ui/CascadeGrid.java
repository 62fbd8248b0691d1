package app.catchball.planning.ui;

import app.catchball.base.ui.Notices;
import app.catchball.base.ui.Phones;
import app.catchball.planning.A3Service;
import app.catchball.planning.A3Status;
import app.catchball.planning.CascadeTree;
import app.catchball.planning.ItemKind;
import app.catchball.planning.PlanNode;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The cascade as a tree that loads one level when a node is opened ({@link CascadeTree}): each
 * item once under each parent, its unit in a column of its own. An item that serves several
 * parents appears under each of them, so a row is identified by its path, not by its item.
 */
class CascadeGrid extends TreeGrid<CascadeGrid.Row> {

    /** "Expand all" opens at most this many rows, so a whole integrated care system never lands on one screen. */
    static final int EXPAND_ALL_LIMIT = 1_500;

    /** An item at one place in the tree. */
    record Row(PlanNode node, String path) {
    }

    private final CascadeTree cascade;
    private final A3Service a3s;
    private final Map<Long, A3Status> statuses = new HashMap<>();
    private volatile long cycleId;
    private Supplier<List<PlanNode>> roots = List::of;
    private final Map<String, List<Row>> children = new HashMap<>();
    private final Set<Row> expanded = new HashSet<>();
    /** The units of the rows loaded so far, read by the live filter off the UI thread. */
    private final Set<Long> unitsShown = ConcurrentHashMap.newKeySet();

    CascadeGrid(CascadeTree cascade, A3Service a3s, String header) {
        this.cascade = cascade;
        this.a3s = a3s;
        addHierarchyColumn(r -> r.node().label()).setHeader(header).setFlexGrow(3)
                .setTooltipGenerator(r -> r.node().label());
        addColumn(r -> r.node().unitName()).setHeader("Unit").setFlexGrow(2).setTooltipGenerator(r -> r.node().unitName());
        Column<Row> a3Status = addColumn(r -> Optional.ofNullable(statuses.get(r.node().id())).map(A3Status::label).orElse(""))
                .setHeader("A3 status").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(r -> Optional.ofNullable(statuses.get(r.node().id()))
                        .map(st -> "a3-" + st.name().toLowerCase().replace('_', '-')).orElse(null));
        Phones.hideOnPhone(a3Status);
        addClassName("cascade-tree");
        addExpandListener(e -> expanded.addAll(e.getItems()));
        addCollapseListener(e -> e.getItems().forEach(expanded::remove));
        setDataProvider(new AbstractBackEndHierarchicalDataProvider<Row, Void>() {
            @Override
            public int getChildCount(HierarchicalQuery<Row, Void> query) {
                return childrenOf(query.getParent()).size();
            }

            @Override
            public boolean hasChildren(Row item) {
                return item.node().hasChildren();
            }

            @Override
            public Object getId(Row item) {
                return item.path();
            }

            @Override
            protected Stream<Row> fetchChildrenFromBackEnd(HierarchicalQuery<Row, Void> query) {
                return childrenOf(query.getParent()).stream().skip(query.getOffset()).limit(query.getLimit());
            }
        });
    }

    /** The whole cascade of a cycle from its True North goals, open down to the top unit's priorities. */
    void showPlan(long cycleId) {
        show(cycleId, () -> cascade.roots(cycleId));
        openToPriorities();
    }

    /** What is cascaded beneath one item, one level open. */
    void showBeneath(long itemId, long cycleId) {
        show(cycleId, () -> cascade.children(itemId, cycleId));
    }

    private void show(long cycleId, Supplier<List<PlanNode>> roots) {
        this.cycleId = cycleId;
        this.roots = roots;
        collapseAll();
        children.clear();
        unitsShown.clear();
        getDataProvider().refreshAll();
    }

    /** Reads the loaded levels again, keeping open what is open (someone changed the plan). */
    void reload() {
        children.clear();
        unitsShown.clear();
        getDataProvider().refreshAll();
    }

    /** The units of the rows loaded so far (any thread). */
    Set<Long> unitsShown() {
        return unitsShown;
    }

    long cycleId() {
        return cycleId;
    }

    /** Opens True North, the breakthrough objectives and the top unit's annual objectives: its priorities show, closed. */
    private void openToPriorities() {
        Set<ItemKind> open = Set.of(ItemKind.TRUE_NORTH, ItemKind.BREAKTHROUGH, ItemKind.ANNUAL);
        Deque<Row> todo = new ArrayDeque<>(childrenOf(null));
        List<Row> toExpand = new ArrayList<>();
        long topUnit = todo.isEmpty() ? -1 : todo.peek().node().unitId();
        while (!todo.isEmpty()) {
            Row row = todo.pop();
            if (open.contains(row.node().kind()) && row.node().unitId() == topUnit && row.node().hasChildren()) {
                toExpand.add(row);
                todo.addAll(childrenOf(row));
            }
        }
        expand(toExpand);
    }

    /** Opens every row, breadth first, up to {@link #EXPAND_ALL_LIMIT} rows. */
    void expandAll() {
        Deque<Row> todo = new ArrayDeque<>(childrenOf(null));
        List<Row> toExpand = new ArrayList<>();
        int shown = todo.size();
        while (!todo.isEmpty() && shown < EXPAND_ALL_LIMIT) {
            Row row = todo.pop();
            if (row.node().hasChildren()) {
                List<Row> below = childrenOf(row);
                toExpand.add(row);
                shown += below.size();
                todo.addAll(below);
            }
        }
        expand(toExpand);
        if (!todo.isEmpty()) {
            Notices.error("The cascade is too large to open at once: " + String.format("%,d", shown)
                    + " rows are open. Open the remaining branches one at a time.");
        }
    }

    void collapseAll() {
        collapse(List.copyOf(expanded));
        expanded.clear();
    }

    private List<Row> childrenOf(Row parent) {
        String key = parent == null ? "" : parent.path();
        return children.computeIfAbsent(key, k -> {
            List<PlanNode> nodes = parent == null ? roots.get() : cascade.children(parent.node().id(), cycleId);
            List<Long> priorities = nodes.stream().filter(n -> n.kind() == ItemKind.PRIORITY).map(PlanNode::id).toList();
            if (!priorities.isEmpty()) {
                statuses.putAll(a3s.statusesOf(priorities));
            }
            nodes.forEach(n -> unitsShown.add(n.unitId()));
            return nodes.stream().map(n -> new Row(n, k + "/" + n.id())).toList();
        });
    }
}
