package app.catchball.planning;

import app.catchball.base.Formats;
import app.catchball.base.pdf.HtmlPdf;
import app.catchball.security.PermissionService;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The cascade of a cycle as a PDF of A3 landscape pages: the tree from True North down, opened level
 * by level through {@link CascadeTree} (the same reads as the Cascade view) and printed in tree order,
 * each page headed by the path to its first row. On a large organisation it stops at
 * {@link #ROW_LIMIT} rows, as the view's "Expand all" does, and says so on the last page.
 */
@Service
public class CascadePdf {

    /** At most this many rows, whole levels first: the same bound as the Cascade view's "Expand all". */
    public static final int ROW_LIMIT = 1_500;

    /** An item at one place in the printed tree. */
    static final class Node {
        final PlanNode item;
        final Node parent;
        final int depth;
        List<Node> children;

        Node(PlanNode item, Node parent) {
            this.item = item;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }

        /** Something is cascaded beneath it that is not printed. */
        boolean leftOut() {
            return item.hasChildren() && children == null;
        }

        boolean below(long itemId) {
            for (Node n = parent; n != null; n = n.parent) {
                if (n.item.id() == itemId) {
                    return true;
                }
            }
            return false;
        }
    }

    private final CascadeTree tree;
    private final CycleService cycles;
    private final PermissionService permissions;
    private final HtmlPdf pdf;
    private final Clock clock;

    CascadePdf(CascadeTree tree, CycleService cycles, PermissionService permissions, HtmlPdf pdf, Clock clock) {
        this.tree = tree;
        this.cycles = cycles;
        this.permissions = permissions;
        this.pdf = pdf;
        this.clock = clock;
    }

    public byte[] pdf(long cycleId) {
        return pdf(cycleId, ROW_LIMIT);
    }

    byte[] pdf(long cycleId, int rowLimit) {
        permissions.checkView();
        CycleSummary cycle = cycles.get(cycleId);
        List<Node> roots = new ArrayList<>();
        boolean capped = open(cycleId, rowLimit, roots);
        List<Node> rows = new ArrayList<>();
        Deque<Node> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            rows.add(node);
            if (node.children != null) {
                node.children.reversed().forEach(todo::push);
            }
        }
        String stamp = "Printed " + Formats.DAY_AT_TIME.format(ZonedDateTime.now(clock)) + " by " + permissions.requireUsername();
        return pdf.render(CascadePage.xhtml(cycle, rows, capped ? rowLimit : 0, stamp));
    }

    /** "cascade-2026-27.pdf". */
    public static String fileName(String cycleName) {
        return "cascade-" + XMatrixPdf.safe(cycleName) + ".pdf";
    }

    /** Opens the tree breadth first until the next level would pass the limit; true when something was left out. */
    private boolean open(long cycleId, int rowLimit, List<Node> roots) {
        tree.roots(cycleId).forEach(n -> roots.add(new Node(n, null)));
        Deque<Node> queue = new ArrayDeque<>(roots);
        int count = roots.size();
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            if (!node.item.hasChildren() || node.below(node.item.id())) {
                continue;
            }
            List<PlanNode> below = tree.children(node.item.id(), cycleId);
            if (count + below.size() > rowLimit) {
                return true;
            }
            node.children = below.stream().map(n -> new Node(n, node)).toList();
            count += below.size();
            queue.addAll(node.children);
        }
        return false;
    }
}
