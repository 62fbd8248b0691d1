package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.planning.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bowling chart of a unit's metrics: the month-by-month grid against target or trajectory,
 * the year to date, and whether each metric asks its owner for a countermeasure.
 */
@Repository
class BowlingChartQueries {

    private final JdbcClient jdbc;
    private final CountermeasureQueries countermeasures;
    private final MetricRollupQueries rollups;

    BowlingChartQueries(JdbcClient jdbc, CountermeasureQueries countermeasures, MetricRollupQueries rollups) {
        this.jdbc = jdbc;
        this.countermeasures = countermeasures;
        this.rollups = rollups;
    }

    /**
     * The bowling chart of a unit's metrics over the months of a cycle: one SQL statement for the
     * grid (weekly values are averaged per month), then the countermeasure check per metric.
     */
    BowlingChart bowling(long unitId, long cycleId) {
        record Bounds(LocalDate firstMonth, LocalDate lastMonth) {
        }
        Bounds cycle = jdbc.sql("select first_month, last_month from cycle where id = :c").param("c", cycleId)
                .query(Rows.of(Bounds.class)).optional().orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(cycle.firstMonth()); !m.isAfter(YearMonth.from(cycle.lastMonth())); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<Long, MetricInfo> metrics = new LinkedHashMap<>();
        Map<Long, List<BowlingChart.Cell>> cells = new LinkedHashMap<>();
        jdbc.sql(MetricsService.METRIC_COLUMNS.replace("from plan_item m", ", month.month, actual.value as actual, t.target as trajectory from plan_item m") + """
                         cross join generate_series(cast(:first as date), cast(:last as date), interval '1 month') as month(month)
                         left join lateral (
                             select avg(v.value) as value from metric_value v
                             where v.metric_id = m.id and v.period >= month.month and v.period < month.month + interval '1 month'
                         ) actual on true
                         left join metric_trajectory t on t.metric_id = m.id and t.period = month.month
                         where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived
                         order by m.sort_order, m.number, month.month
                        """)
                .param("first", cycle.firstMonth()).param("last", cycle.lastMonth())
                .param("unit", unitId).param("cycle", cycleId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    MetricInfo metric = metrics.computeIfAbsent(id, k -> metricFrom(rs));
                    BigDecimal target = rs.getBigDecimal("trajectory") != null ? rs.getBigDecimal("trajectory") : metric.target();
                    BigDecimal actual = rs.getBigDecimal("actual");
                    YearMonth month = YearMonth.from(rs.getObject("month", OffsetDateTime.class));
                    cells.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new BowlingChart.Cell(month, target, scale(actual), rag(metric.direction(), target, actual)));
                });
        Map<Long, List<CountermeasureView>> measures = countermeasures.countermeasuresOf(metrics.keySet());
        Map<Long, List<MetricValueView>> allValues = valuesOf(metrics.keySet());
        List<BowlingChart.Row> rows = new ArrayList<>();
        for (MetricInfo metric : metrics.values()) {
            List<BowlingChart.Cell> row = cells.get(metric.id());
            BowlingChart.Cell ytd = yearToDate(metric, row);
            String reason = countermeasureReason(metric, row, allValues.getOrDefault(metric.id(), List.of()));
            rows.add(new BowlingChart.Row(metric, row, ytd, reason, measures.getOrDefault(metric.id(), List.of())));
        }
        return new BowlingChart(months, rows, rollups.rollups(metrics.values()));
    }

    /**
     * The unit's metrics as the review of a month reads them: the bowling chart cut at the month and
     * each metric's SPC verdicts from its values up to the month. Four statements, whatever the
     * number of metrics.
     */
    List<MetricVerdict> verdicts(long unitId, long cycleId, YearMonth month) {
        BowlingChart chart = bowling(unitId, cycleId);
        LocalDate next = month.plusMonths(1).atDay(1);
        Map<Long, List<MetricValueView>> allValues = valuesOf(chart.rows().stream().map(r -> r.metric().id()).toList());
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (BowlingChart.Row row : chart.rows()) {
            List<BowlingChart.Cell> cells = row.cells().stream().filter(c -> !c.month().isAfter(month)).toList();
            List<MetricValueView> values = allValues.getOrDefault(row.metric().id(), List.of()).stream()
                    .filter(v -> v.period().isBefore(next)).toList();
            SpcResult spc = values.isEmpty() ? null : MetricsService.analyse(row.metric(), values);
            verdicts.add(new MetricVerdict(row.metric(), cells, spc == null ? null : spc.variation(),
                    spc == null ? null : spc.assurance(), countermeasureReason(row.metric(), cells, values),
                    row.countermeasures(), values.stream().map(MetricValueView::period).toList(), spc));
        }
        return verdicts;
    }

    private static MetricInfo metricFrom(ResultSet rs) {
        try {
            return new MetricInfo(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("cycle_id"),
                    rs.getString("code"), rs.getString("title"), rs.getString("unit_of_measure"),
                    rs.getString("direction") == null ? null : Direction.valueOf(rs.getString("direction")),
                    rs.getBigDecimal("baseline"), rs.getBigDecimal("target"), rs.getObject("due_date", LocalDate.class),
                    (Long) rs.getObject("owner_user_id"), rs.getString("owner_name"), Frequency.valueOf(rs.getString("frequency")), rs.getBoolean("archived"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Green when the actual meets the target in the direction of improvement, red when not, grey without data. */
    static Rag rag(Direction direction, BigDecimal target, BigDecimal actual) {
        if (actual == null || target == null || direction == null || direction == Direction.NEUTRAL) {
            return Rag.GREY;
        }
        int cmp = actual.compareTo(target);
        return (direction == Direction.UP ? cmp >= 0 : cmp <= 0) ? Rag.GREEN : Rag.RED;
    }

    private static BowlingChart.Cell yearToDate(MetricInfo metric, List<BowlingChart.Cell> row) {
        List<BigDecimal> actuals = row.stream().map(BowlingChart.Cell::actual).filter(a -> a != null).toList();
        if (actuals.isEmpty()) {
            return new BowlingChart.Cell(null, metric.target(), null, Rag.GREY);
        }
        BigDecimal mean = actuals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(actuals.size()), 4, RoundingMode.HALF_UP);
        return new BowlingChart.Cell(null, metric.target(), scale(mean), rag(metric.direction(), metric.target(), mean));
    }

    /**
     * Why the metric asks its owner for a countermeasure, or null: special-cause concern on its
     * latest point, or red two months running (the latest two months with data).
     */
    static String countermeasureReason(MetricInfo metric, List<BowlingChart.Cell> row, List<MetricValueView> values) {
        if (!values.isEmpty()) {
            SpcResult spc = MetricsService.analyse(metric, values);
            if (spc.variation() == PointType.SPECIAL_CAUSE_CONCERN) {
                return "Special-cause concern";
            }
        }
        List<BowlingChart.Cell> withData = row.stream().filter(c -> c.actual() != null).toList();
        if (withData.size() >= 2 && withData.get(withData.size() - 1).rag() == Rag.RED
                && withData.get(withData.size() - 2).rag() == Rag.RED
                && withData.get(withData.size() - 1).month().minusMonths(1).equals(withData.get(withData.size() - 2).month())) {
            return "Red two months running";
        }
        return null;
    }

    private Map<Long, List<MetricValueView>> valuesOf(Collection<Long> metricIds) {
        Map<Long, List<MetricValueView>> values = new HashMap<>();
        if (metricIds.isEmpty()) {
            return values;
        }
        jdbc.sql("select metric_id, period, value, updated_by, updated_at from metric_value where metric_id in (:ids) order by metric_id, period")
                .param("ids", metricIds)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong("metric_id"), k -> new ArrayList<>()).add(new MetricValueView(
                            rs.getObject("period", LocalDate.class), rs.getBigDecimal("value"), rs.getString("updated_by"),
                            rs.getTimestamp("updated_at").toInstant()));
                });
        return values;
    }
}
