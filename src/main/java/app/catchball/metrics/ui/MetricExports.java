package app.catchball.metrics.ui;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.UnitRef;
import app.catchball.base.export.TableExport;
import app.catchball.metrics.BowlingChart;
import app.catchball.metrics.CountermeasureStatus;
import app.catchball.metrics.MetricsService;
import app.catchball.metrics.Rag;
import app.catchball.metrics.SpcSummaryService;
import app.catchball.metrics.SpcVerdict;
import app.catchball.planning.CycleSummary;
import java.math.BigDecimal;
import java.util.Objects;

/** The Metrics screen's two exports: the bowling chart and the SPC summary of the unit's metrics. */
final class MetricExports {

    private MetricExports() {
    }

    /**
     * The bowling chart as shown: per metric its target, then per month the actual and its colour,
     * the year to date (with its target: the trajectory's year to date, by the metric's aggregation)
     * and the countermeasure. When a month is judged against a trajectory rather than the target
     * (the cell's target differs from the metric's), each month gets a target column too.
     */
    static TableExport<BowlingChart.Row> bowling(MetricsService metrics, UnitRef unit, CycleSummary cycle) {
        requireChosen(unit, cycle);
        BowlingChart chart = metrics.bowling(unit.id(), cycle.id());
        boolean trajectories = chart.rows().stream().anyMatch(r -> r.cells().stream()
                .anyMatch(c -> !sameNumber(c.target(), r.metric().target())));
        TableExport<BowlingChart.Row> table = TableExport.<BowlingChart.Row>titled("Bowling chart " + unit.shortCode() + " " + cycle.name())
                .column("Metric", r -> r.metric().code())
                .column("Title", r -> r.metric().title())
                .column("Unit of measure", r -> r.metric().unitOfMeasure())
                .column("Target", r -> r.metric().target());
        for (int i = 0; i < chart.months().size(); i++) {
            int index = i;
            String month = Formats.MONTH.format(chart.months().get(i));
            if (trajectories) {
                table.column(month + " target", r -> r.cells().get(index).target());
            }
            table.column(month, r -> r.cells().get(index).actual());
            table.column(month + " colour", r -> colour(r.cells().get(index).rag()));
        }
        return table.column("YTD", r -> r.yearToDate().actual())
                .column("YTD colour", r -> colour(r.yearToDate().rag()))
                .column("YTD target", r -> r.yearToDate().target())
                .column("Aggregation", r -> r.rule().aggregation().label())
                .column("Variation", r -> r.spc().variationText())
                .column("Assurance", r -> r.spc().assuranceText())
                .column("Countermeasure", MetricExports::countermeasure)
                .rows(chart.rows());
    }

    /** Each metric's Making Data Count verdict, as its page shows it. */
    static TableExport<SpcVerdict> spcSummary(SpcSummaryService spc, UnitRef unit, CycleSummary cycle) {
        requireChosen(unit, cycle);
        return TableExport.<SpcVerdict>titled("SPC summary " + unit.shortCode() + " " + cycle.name())
                .column("Metric", v -> v.metric().code())
                .column("Title", v -> v.metric().title())
                .column("Latest period", SpcVerdict::latestPeriod)
                .column("Latest value", SpcVerdict::latestValue)
                .column("Variation", SpcVerdict::variationText)
                .column("Assurance", SpcVerdict::assuranceText)
                .column("Target", v -> v.metric().target())
                .column("Unit of measure", v -> v.metric().unitOfMeasure())
                .column("Limits", v -> v.provisionalLimits() ? "Provisional: fewer than 12 points" : "")
                .column("Trajectory", SpcVerdict::trajectory)
                .rows(spc.summary(unit.id(), cycle.id()));
    }

    private static void requireChosen(UnitRef unit, CycleSummary cycle) {
        if (unit == null || cycle == null) {
            throw new RuleViolation("Choose a unit and a cycle first.");
        }
    }

    static String colour(Rag rag) {
        return switch (rag) {
            case GREEN -> "Green (G)";
            case AMBER -> "Amber (A)";
            case RED -> "Red (R)";
            case GREY -> "Grey (no data)";
        };
    }

    private static String countermeasure(BowlingChart.Row row) {
        return row.countermeasures().stream().filter(c -> c.status() != CountermeasureStatus.DONE)
                .findFirst().map(c -> (c.overdue() ? "Overdue: " : "Open: ") + c.action())
                .orElse(row.countermeasureReason() == null ? "" : "Needed: " + row.countermeasureReason());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
