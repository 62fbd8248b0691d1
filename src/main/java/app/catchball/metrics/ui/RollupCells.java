package app.catchball.metrics.ui;

import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.MetricRollup;
import app.catchball.metrics.RollupRule;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.YearMonth;

/**
 * Roll-ups on the bowling chart: under a parent metric's name the units' commitments against its
 * target ("Ward commitments: 18 of 30"), and in each month the rolled-up value beside its own.
 */
final class RollupCells {

    private RollupCells() {
    }

    /** The metric's name, with the commitments of the units below when metrics of theirs add up to it. */
    static Component metric(BowlingChart chart, BowlingChart.Row row) {
        Span label = new Span(row.metric().label());
        MetricRollup rollup = chart.rollups().get(row.metric().id());
        if (rollup == null || !rollup.rollsUp()) {
            return label;
        }
        Div both = new Div(label, commitments(rollup));
        both.addClassName("rollup-metric");
        return both;
    }

    /** "Ward commitments: 18 of 30", marked as covering the target or falling short of it. */
    static Span commitments(MetricRollup rollup) {
        Span sentence = new Span(rollup.commitments().sentence());
        sentence.addClassNames("rollup-commitments", rollup.commitments().covered() ? "rollup-covered" : "rollup-short");
        return sentence;
    }

    /** On a phone card: the units' commitments and the roll-up of the month the card shows (else the latest). */
    static void card(HasComponents card, MetricRollup rollup, YearMonth shown) {
        if (rollup == null || !rollup.rollsUp()) {
            return;
        }
        MetricRollup.MonthValue value = shown != null && rollup.month(shown) != null ? rollup.month(shown)
                : rollup.months().isEmpty() ? null : rollup.months().getLast();
        if (value != null) {
            Span rolled = new Span("Roll-up " + MetricsView.MONTH.format(value.month()) + ": " + value.text());
            rolled.addClassName("rollup-value");
            card.add(rolled);
        }
        card.add(commitments(rollup));
    }

    /** A month's own cell, with the rolled-up value under it when the metric has contributors. */
    static Component month(Span own, MetricRollup rollup, YearMonth month) {
        if (rollup == null || !rollup.rollsUp()) {
            return own;
        }
        MetricRollup.MonthValue value = rollup.month(month);
        Span rolled = new Span(value == null ? "Roll-up —" : "Roll-up " + value.text());
        rolled.addClassName("rollup-value");
        rolled.getElement().setAttribute("title", value == null ? "No unit below reported this month"
                : rollup.rule().label().substring(0, 1).toUpperCase() + rollup.rule().label().substring(1) + " of "
                + value.reported() + " of " + value.expected() + (rollup.rule() == RollupRule.RATIO ? " units" : " metrics")
                + " below that reported");
        Div both = new Div(own, rolled);
        both.addClassName("rollup-cell");
        return both;
    }
}
