package app.catchball.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Metrics × months of a cycle, actual against target (or that month's trajectory), with year to date
 * (aggregated by each metric's rule and compared with the year to date of its trajectory);
 * {@code rollups} by metric id for the metrics that connect to other levels ({@link MetricRollup}).
 */
public record BowlingChart(List<YearMonth> months, List<Row> rows, Map<Long, MetricRollup> rollups) {

    public BowlingChart(List<YearMonth> months, List<Row> rows) {
        this(months, rows, Map.of());
    }

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
