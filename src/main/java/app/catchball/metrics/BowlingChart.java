package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Metrics × months of a cycle, actual against target (or that month's trajectory), with year to date
 * (aggregated by each metric's rule and compared with the year to date of its trajectory).
 */
public record BowlingChart(List<YearMonth> months, List<Row> rows) {

    public record Cell(YearMonth month, BigDecimal target, BigDecimal actual, Rag rag) {
    }

    /**
     * A metric's row; {@code countermeasureReason} is set when the metric asks its owner for a countermeasure
     * ({@link CountermeasureRule}); {@code spc} is the Making Data Count verdict of its latest value; {@code rule}
     * says how its months and year to date aggregate and where amber begins.
     */
    public record Row(MetricInfo metric, List<Cell> cells, Cell yearToDate, String countermeasureReason,
                      List<CountermeasureView> countermeasures, SpcVerdict spc, BowlingRule rule) {
    }
}
