package app.catchball.planning;

import app.catchball.organisation.UnitNode;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to draw one unit's X-matrix in one cycle: its items side by side (ordered),
 * the correlations, the warnings per item and whether the signed-in user may change it.
 */
public record XMatrix(UnitNode unit, CycleSummary cycle, boolean editable, List<ItemView> trueNorth,
                      Map<Side, List<ItemView>> sides, List<CorrelationView> correlations,
                      Map<Long, List<String>> warnings, List<String> matrixWarnings) {

    public List<ItemView> side(Side side) {
        return sides.getOrDefault(side, List.of());
    }

    public ItemView item(long id) {
        return sides.values().stream().flatMap(List::stream).filter(i -> i.id() == id).findFirst()
                .or(() -> trueNorth.stream().filter(i -> i.id() == id).findFirst())
                .orElse(null);
    }

    public Strength strength(Corner corner, long a, long b) {
        return correlations.stream().filter(c -> c.corner() == corner && c.a() == a && c.b() == b)
                .map(CorrelationView::strength).findFirst().orElse(null);
    }

    public List<String> warningsOf(long itemId) {
        return warnings.getOrDefault(itemId, List.of());
    }
}
