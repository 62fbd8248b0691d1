package app.catchball.planning.ui;

import app.catchball.planning.ItemKind;
import app.catchball.planning.TraceNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item's line of sight as a readable list: True North at the top, then one level per line down
 * to the item itself, each as "code title — unit", wrapping rather than clipping. An item reached
 * along several paths is listed once, at its furthest distance, so everything it serves stands
 * above it.
 */
class LineOfSight extends Div {

    LineOfSight(List<TraceNode> trace) {
        addClassName("line-of-sight");
        add(new H3("Line of sight to True North"));
        Map<Long, TraceNode> furthest = new LinkedHashMap<>();
        trace.forEach(n -> furthest.merge(n.id(), n, (a, b) -> b.depth() > a.depth() ? b : a));
        List<TraceNode> levels = furthest.values().stream()
                .sorted(Comparator.comparingInt(TraceNode::depth).reversed().thenComparing(TraceNode::unitName)
                        .thenComparing(TraceNode::number))
                .toList();
        int top = levels.isEmpty() ? 0 : levels.getFirst().depth();
        OrderedList list = new OrderedList();
        list.getElement().setAttribute("aria-label", "Line of sight, from True North down to this item");
        for (TraceNode n : levels) {
            ListItem line = new ListItem();
            line.addClassName("level");
            if (n.kind() == ItemKind.TRUE_NORTH) {
                line.addClassName("true-north");
            }
            if (n.depth() == 0) {
                line.addClassName("this-item");
            }
            line.getStyle().set("--level", String.valueOf(Math.min(top - n.depth(), 12)));
            Span code = new Span((n.kind() == ItemKind.TRUE_NORTH ? "True North " : "") + n.code() + " ");
            code.addClassName("code");
            line.add(code, new Span(n.title()), new Span(" — " + n.unitName()));
            list.add(line);
        }
        if (levels.stream().noneMatch(n -> n.kind() == ItemKind.TRUE_NORTH)) {
            ListItem none = new ListItem("This item does not trace to a True North goal yet.");
            none.addClassName("no-true-north");
            list.addComponentAsFirst(none);
        }
        add(list);
    }
}
