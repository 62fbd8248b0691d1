package app.catchball.planning;

import app.catchball.planning.MatrixImportPreview.ImportRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the items of an imported file in the file's order on each side of the X-matrix, moving
 * them with {@link PlanningService#moveItem} one place at a time; items not in the file keep
 * their places.
 */
final class SideOrder {

    private final PlanningService planning;
    private final List<ImportRow> rows;
    private final Map<Integer, Long> itemOfLine;
    private final Changed moved;

    SideOrder(PlanningService planning, List<ImportRow> rows, Map<Integer, Long> itemOfLine, Changed moved) {
        this.planning = planning;
        this.rows = rows;
        this.itemOfLine = itemOfLine;
        this.moved = moved;
    }

    interface Changed {
        void changed(int line, String what);
    }

    void apply(long unitId, long cycleId) {
        Map<Long, Integer> lineOf = new HashMap<>();
        itemOfLine.forEach((line, id) -> lineOf.put(id, line));
        XMatrix matrix = planning.matrix(unitId, cycleId);
        for (Side side : List.of(Side.SOUTH, Side.WEST, Side.NORTH, Side.EAST, Side.OWNERS)) {
            List<Long> current = new ArrayList<>(matrix.side(side).stream().map(ItemView::id).toList());
            List<Long> wanted = rows.stream().map(r -> itemOfLine.get(r.line())).filter(current::contains).distinct().toList();
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (wanted.contains(current.get(i))) {
                    slots.add(i);
                }
            }
            List<Long> target = new ArrayList<>(current);
            for (int k = 0; k < slots.size(); k++) {
                target.set(slots.get(k), wanted.get(k));
            }
            for (int i = 0; i < target.size(); i++) {
                long id = target.get(i);
                int at = current.indexOf(id);
                for (int j = at; j > i; j--) {
                    planning.moveItem(id, -1);
                }
                if (at > i) {
                    current.remove(at);
                    current.add(i, id);
                    if (lineOf.containsKey(id)) {
                        moved.changed(lineOf.get(id), "moved");
                    }
                }
            }
        }
    }
}
