package app.catchball.planning.ui;

import app.catchball.planning.TraceNode;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import java.util.List;

/** A line of sight (or a cascade) as a tree: each path through the plan gets its own branch. */
class TraceTree extends TreeGrid<TraceTree.Node> {

    /** A place in the tree; identity, not value, so the same item may appear on several paths. */
    static final class Node {
        final TraceNode trace;

        Node(TraceNode trace) {
            this.trace = trace;
        }
    }

    TraceTree(String header) {
        addHierarchyColumn(n -> n.trace.label()).setHeader(header);
        setAllRowsVisible(true);
        addClassName("trace-tree");
    }

    /** Shows the rows of one line-of-sight query: roots are rows without {@code viaId}. */
    void show(List<TraceNode> rows) {
        TreeData<Node> data = new TreeData<>();
        rows.stream().filter(r -> r.viaId() == null).forEach(r -> add(data, null, r, rows, 0));
        setDataProvider(new TreeDataProvider<>(data));
        expandRecursively(data.getRootItems(), 20);
    }

    private static void add(TreeData<Node> data, Node parent, TraceNode row, List<TraceNode> rows, int guard) {
        Node node = new Node(row);
        data.addItem(parent, node);
        if (guard > 30 || data.getRootItems().size() + guard > 5000) {
            return;
        }
        rows.stream()
                .filter(r -> r.viaId() != null && r.viaId() == row.id() && r.depth() == row.depth() + 1)
                .forEach(r -> add(data, node, r, rows, guard + 1));
    }
}
