package app.catchball.review;

import app.catchball.base.Formats;
import app.catchball.review.ReviewContent.Cell;
import app.catchball.review.ReviewContent.DecisionLine;
import app.catchball.review.ReviewContent.MetricLine;
import app.catchball.review.ReviewContent.PriorityLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** "Changed since published": what reads differently now than in a published review, one sentence per change. */
final class ReviewDiff {

    private ReviewDiff() {
    }

    static List<String> changes(ReviewContent published, ReviewContent now) {
        List<String> changes = new ArrayList<>();
        Map<Long, MetricLine> metricsNow = byId(now.metrics(), MetricLine::metricId);
        for (MetricLine then : published.metrics()) {
            MetricLine line = metricsNow.get(then.metricId());
            if (line == null) {
                changes.add(then.label() + " is no longer on the X-matrix.");
                continue;
            }
            for (Cell cell : then.cells()) {
                Cell current = line.cell(cell.month());
                BigDecimal actual = current == null ? null : current.actual();
                String month = Formats.MONTH.format(cell.month());
                if (!same(cell.actual(), actual)) {
                    changes.add(then.label() + ", " + month + ": " + number(cell.actual()) + " → " + number(actual) + ".");
                }
                String colour = current == null ? "GREY" : current.colour();
                if (!Objects.equals(cell.colour(), colour)) {
                    changes.add(then.label() + ", " + month + ": " + cell.colour().toLowerCase() + " → " + colour.toLowerCase() + ".");
                }
            }
            change(changes, then.label() + ", variation", then.variation(), line.variation());
            change(changes, then.label() + ", assurance", then.assurance(), line.assurance());
        }
        Map<Long, MetricLine> metricsThen = byId(published.metrics(), MetricLine::metricId);
        now.metrics().stream().filter(m -> !metricsThen.containsKey(m.metricId()))
                .forEach(m -> changes.add(m.label() + " was added."));
        Map<Long, DecisionLine> decisionsNow = byId(now.decisions(), DecisionLine::id);
        for (DecisionLine then : published.decisions()) {
            DecisionLine line = decisionsNow.get(then.id());
            change(changes, "Decision \u201c" + then.text() + "\u201d", then.status(), line == null ? null : line.status());
        }
        Map<Long, PriorityLine> prioritiesNow = byId(now.priorities(), PriorityLine::priorityId);
        for (PriorityLine then : published.priorities()) {
            PriorityLine line = prioritiesNow.get(then.priorityId());
            change(changes, then.code() + " " + then.title(), then.status(), line == null ? null : line.status());
        }
        return changes;
    }

    private static void change(List<String> changes, String what, String then, String now) {
        if (!Objects.equals(then, now)) {
            changes.add(what + ": " + (then == null ? "none" : then) + " → " + (now == null ? "none" : now) + ".");
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String number(BigDecimal value) {
        return value == null ? "no value" : value.stripTrailingZeros().toPlainString();
    }

    private static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
