package app.catchball.metrics;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.metrics.SpcBatchQueries.Series;
import app.catchball.metrics.spc.Assurance;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.planning.Direction;
import app.catchball.planning.sql.PlanRelations;
import java.math.BigDecimal;
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
    private final SpcBatchQueries spcs;
    private final CountermeasureRuleService askingRules;
    private final MetricRollupQueries rollups;

    BowlingChartQueries(JdbcClient jdbc, CountermeasureQueries countermeasures, SpcBatchQueries spcs,
                        CountermeasureRuleService askingRules, MetricRollupQueries rollups) {
        this.jdbc = jdbc;
        this.countermeasures = countermeasures;
        this.spcs = spcs;
        this.askingRules = askingRules;
        this.rollups = rollups;
    }

    /**
     * The bowling chart of a unit's metrics over the months of a cycle: one SQL statement for the
     * grid (with each month's trajectory and the metric's {@link BowlingRule}); then, for all metrics at once, their
     * countermeasures, their values (which {@link BowlingScore} aggregates by the rule), their SPC (values and chart
     * settings) and the trust's countermeasure rule.
     */
    BowlingChart bowling(long unitId, long cycleId) {
        return read(unitId, cycleId, true).chart();
    }

    /**
     * A bowling chart with what it was drawn from: the series of its metrics (and of their ratios' parts)
     * and the trust's countermeasure rule, so a reader that needs them too does not read them again.
     */
    private record Read(BowlingChart chart, Map<Long, Series> series, CountermeasureRule asking) {
    }

    /** The bowling chart, with its roll-ups unless {@code withRollups} is false (a reader that never shows them). */
    private Read read(long unitId, long cycleId, boolean withRollups) {
        record Bounds(LocalDate firstMonth, LocalDate lastMonth) {
        }
        Bounds cycle = jdbc.sql(SqlText.using("select first_month, last_month from {cycles} where id = :c", PlanRelations.CYCLES))
                .param("c", cycleId).query(Rows.of(Bounds.class)).optional().orElseThrow(() -> new RuleViolation("That planning cycle does not exist."));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(cycle.firstMonth()); !m.isAfter(YearMonth.from(cycle.lastMonth())); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<Long, MetricInfo> metrics = new LinkedHashMap<>();
        Map<Long, BowlingRule> rules = new HashMap<>();
        Map<Long, Map<YearMonth, BigDecimal>> trajectories = new HashMap<>();
        jdbc.sql(MetricsService.metricColumns(", month.month, t.target as trajectory, " + BowlingRules.COLUMNS) + """
                         cross join generate_series(cast(:first as date), cast(:last as date), interval '1 month') as month(month)
                         left join metric_trajectory t on t.metric_id = m.id and t.period = month.month
                         left join metric_bowling_rule r on r.metric_id = m.id
                         where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived
                         order by m.sort_order, m.number, month.month
                        """)
                .param("first", cycle.firstMonth()).param("last", cycle.lastMonth())
                .param("unit", unitId).param("cycle", cycleId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    metrics.computeIfAbsent(id, k -> metricFrom(rs));
                    rules.computeIfAbsent(id, k -> BowlingRules.ruleFrom(rs));
                    Map<YearMonth, BigDecimal> planned = trajectories.computeIfAbsent(id, k -> new HashMap<>());
                    if (rs.getBigDecimal("trajectory") != null) {
                        planned.put(YearMonth.from(rs.getObject("month", OffsetDateTime.class)), rs.getBigDecimal("trajectory"));
                    }
                });
        Map<Long, List<CountermeasureView>> measures = countermeasures.countermeasuresOf(metrics.keySet());
        Map<Long, Series> series = spcs.seriesOf(BowlingRules.withParts(metrics.keySet(), rules.values()));
        Map<Long, List<MetricValueView>> allValues = new HashMap<>();
        series.forEach((id, own) -> allValues.put(id, own.values()));
        CountermeasureRule asking = ruleOf(unitId, metrics.isEmpty());
        List<BowlingChart.Row> rows = new ArrayList<>();
        for (MetricInfo metric : metrics.values()) {
            BowlingRule rule = rules.get(metric.id());
            BowlingScore.Scored scored = BowlingScore.score(metric, rule, months, trajectories.get(metric.id()), allValues);
            SpcVerdict verdict = SpcBatchQueries.verdict(SpcBatchQueries.spcOf(metric, series.get(metric.id())), null);
            String reason = asking.reason(verdict.variation(), verdict.assurance(), scored.cells());
            rows.add(new BowlingChart.Row(metric, scored.cells(), scored.yearToDate(), reason,
                    measures.getOrDefault(metric.id(), List.of()), verdict, rule));
        }
        return new Read(new BowlingChart(months, rows, withRollups ? rollups.rollups(metrics.values()) : Map.of()), series, asking);
    }

    /**
     * The unit's metrics as the review of a month reads them: the bowling chart cut at the month and
     * each metric's SPC verdicts from its values up to the month, with its chart settings. A fixed
     * number of statements, whatever the number of metrics.
     */
    List<MetricVerdict> verdicts(long unitId, long cycleId, YearMonth month) {
        Read read = read(unitId, cycleId, false);
        BowlingChart chart = read.chart();
        LocalDate next = month.plusMonths(1).atDay(1);
        Map<Long, Series> series = read.series();
        CountermeasureRule rule = read.asking();
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (BowlingChart.Row row : chart.rows()) {
            List<BowlingChart.Cell> cells = row.cells().stream().filter(c -> !c.month().isAfter(month)).toList();
            Series own = series.getOrDefault(row.metric().id(), new Series(List.of(), SpcBatchQueries.DEFAULTS));
            List<MetricValueView> values = own.values().stream().filter(v -> v.period().isBefore(next)).toList();
            SpcResult spc = values.isEmpty() ? null : MetricsService.analyse(row.metric(), values, own.settings());
            PointType variation = spc == null ? null : spc.variation();
            Assurance assurance = spc == null ? null : spc.assurance();
            List<String> reasons = rule.reasons(variation, assurance, cells);
            verdicts.add(new MetricVerdict(row.metric(), cells, variation, assurance,
                    reasons.isEmpty() ? null : String.join("; ", reasons), row.countermeasures(),
                    values.stream().map(MetricValueView::period).toList(), spc, reasons));
        }
        return verdicts;
    }

    /** The countermeasure rule of the unit's trust (the default, without a statement, when there are no metrics). */
    private CountermeasureRule ruleOf(long unitId, boolean noMetrics) {
        return noMetrics ? CountermeasureRule.DEFAULT : askingRules.rulesOf(List.of(unitId)).getOrDefault(unitId, CountermeasureRule.DEFAULT);
    }

    static MetricInfo metricFrom(ResultSet rs) {
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
}
