package app.catchball.planning;

import app.catchball.organisation.UnitNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an X-matrix is missing: per item (no correlation, no lead, nothing delivering it, no target) and as a whole. */
final class MatrixWarnings {

    private MatrixWarnings() {
    }

    static Map<Long, List<String>> perItem(Map<Side, List<ItemView>> sides, List<CorrelationView> links) {
        Set<Long> linked = new HashSet<>();
        Set<Long> led = new HashSet<>();
        Set<Long> delivered = new HashSet<>();
        for (CorrelationView c : links) {
            linked.add(c.a());
            linked.add(c.b());
            if (c.corner() == Corner.OWNERS && c.strength() == Strength.STRONG) {
                led.add(c.a());
            }
            if (c.corner() == Corner.NW) {
                delivered.add(c.a());
            }
        }
        Map<Long, List<String>> warnings = new HashMap<>();
        sides.values().stream().flatMap(List::stream).forEach(item -> {
            List<String> w = new ArrayList<>();
            if (!linked.contains(item.id())) {
                w.add("No correlation");
            }
            if (item.kind() == ItemKind.PRIORITY && !led.contains(item.id())) {
                w.add("No lead");
            }
            if (item.kind() == ItemKind.ANNUAL && !delivered.contains(item.id())) {
                w.add("No priority delivers it");
            }
            if (item.kind() == ItemKind.METRIC && item.target() == null) {
                w.add("No target");
            }
            if (!w.isEmpty()) {
                warnings.put(item.id(), List.copyOf(w));
            }
        });
        return warnings;
    }

    static List<String> forMatrix(UnitNode unit, Map<Side, List<ItemView>> sides) {
        List<String> result = new ArrayList<>();
        if (sides.get(Side.SOUTH).isEmpty()) {
            result.add(unit.parentId() == null
                    ? "No breakthrough objectives yet."
                    : "Nothing has been deployed to " + unit.name() + " yet: its South side is empty.");
        }
        return result;
    }
}
