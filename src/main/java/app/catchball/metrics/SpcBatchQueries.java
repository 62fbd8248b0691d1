package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.planning.sql.PlanRelations;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Many metrics' SPC at once: their values, chart settings and rebases in one statement, whatever the
 * number of metrics, instead of one {@link MetricsService#spc} per metric. Values are read through
 * {@link #seriesOf} only (the one place to switch when values belong to an enduring series).
 */
@Repository
class SpcBatchQueries {

    static final SpcSettings DEFAULTS = new SpcSettings(null, true, List.of());

    private final JdbcClient jdbc;

    SpcBatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A metric's values in period order, and how its chart is read. */
    record Series(List<MetricValueView> values, SpcSettings settings) {
    }

    /** Each metric's SPC analysis with its target and chart settings, in the order given: one statement. */
    Map<Long, MetricSpc> spcOf(Collection<MetricInfo> metrics) {
        Map<Long, MetricSpc> result = new LinkedHashMap<>();
        if (metrics.isEmpty()) {
            return result;
        }
        Map<Long, Series> series = seriesOf(metrics.stream().map(MetricInfo::id).toList());
        for (MetricInfo metric : metrics) {
            result.put(metric.id(), spcOf(metric, series.get(metric.id())));
        }
        return result;
    }

    /** The SPC analysis of one metric from its series as {@link #seriesOf} read it (null: no values, default settings). */
    static MetricSpc spcOf(MetricInfo metric, Series series) {
        Series own = series == null ? new Series(List.of(), DEFAULTS) : series;
        return new MetricSpc(metric, own.values().stream().map(MetricValueView::period).toList(),
                MetricsService.analyse(metric, own.values(), own.settings()));
    }

    /**
     * The SPC analysis of the metrics with these ids (others are left out), each with its target and chart
     * settings: one statement that reads the metrics with their series.
     */
    Map<Long, MetricSpc> spcOfIds(Collection<Long> metricIds) {
        Map<Long, MetricInfo> metrics = new LinkedHashMap<>();
        Map<Long, Series> series = new HashMap<>();
        if (!metricIds.isEmpty()) {
            query(MetricsService.metricColumns(", " + SERIES_COLUMNS)
                    + SERIES_JOINS + " where m.id in (:ids) and m.kind = 'METRIC' order by m.id, v.period", metricIds, series,
                    rs -> metrics.computeIfAbsent(rs.getLong("id"), k -> BowlingChartQueries.metricFrom(rs)));
        }
        Map<Long, MetricSpc> result = new LinkedHashMap<>();
        metrics.values().forEach(m -> {
            Series own = series.get(m.id());
            result.put(m.id(), new MetricSpc(m, own.values().stream().map(MetricValueView::period).toList(),
                    MetricsService.analyse(m, own.values(), own.settings())));
        });
        return result;
    }

    /**
     * The values of many metrics (by metric, in period order) with their chart settings (limits fixed after
     * N, outlier screening, rebase dates): one statement. The one place these screens read values.
     */
    Map<Long, Series> seriesOf(Collection<Long> metricIds) {
        Map<Long, Series> series = new HashMap<>();
        if (metricIds.isEmpty()) {
            return series;
        }
        query(SqlText.using("select m.id, " + SERIES_COLUMNS + " from {plan_items} m", PlanRelations.PLAN_ITEMS) + SERIES_JOINS
                        + " where m.id in (:ids) order by m.id, v.period",
                metricIds, series, rs -> null);
        return series;
    }

    private static final String SERIES_COLUMNS = """
            s.fix_after_n, coalesce(s.screen_outliers, true) as screen_outliers, rb.rebases,
            v.period, v.value, v.updated_by, v.updated_at""";
    private static final String SERIES_JOINS = """

            left join metric_spc_settings s on s.metric_id = m.id
            left join lateral (select array_agg(r.period order by r.period) as rebases
                               from metric_rebase r where r.metric_id = m.id) rb on true
            left join metric_value v on v.metric_id = m.id
            """;

    /** Runs a series query (one row per metric and value, metrics in id order), calling {@code eachRow} on every row. */
    private void query(String sql, Collection<Long> metricIds, Map<Long, Series> series, RowCallback eachRow) {
        jdbc.sql(sql).param("ids", Set.copyOf(metricIds)).query(rs -> {
            eachRow.row(rs);
            long id = rs.getLong("id");
            Series own = series.get(id);
            if (own == null) {
                own = new Series(new ArrayList<>(), new SpcSettings((Integer) rs.getObject("fix_after_n"),
                        rs.getBoolean("screen_outliers"), dates(rs.getArray("rebases"))));
                series.put(id, own);
            }
            LocalDate period = rs.getObject("period", LocalDate.class);
            if (period != null) {
                own.values().add(new MetricValueView(period, rs.getBigDecimal("value"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()));
            }
        });
    }

    private interface RowCallback {
        Object row(ResultSet rs) throws SQLException;
    }

    /** The trajectory (planned value) of each metric for the month of the given period: one statement. */
    Map<Long, BigDecimal> trajectoriesAt(Map<Long, LocalDate> periodByMetric) {
        Map<Long, BigDecimal> trajectories = new HashMap<>();
        if (periodByMetric.isEmpty()) {
            return trajectories;
        }
        jdbc.sql("select metric_id, period, target from metric_trajectory where metric_id in (:ids) order by metric_id, period")
                .param("ids", Set.copyOf(periodByMetric.keySet()))
                .query(rs -> {
                    long id = rs.getLong("metric_id");
                    LocalDate period = rs.getObject("period", LocalDate.class);
                    LocalDate wanted = periodByMetric.get(id);
                    if (wanted != null && YearMonth.from(period).equals(YearMonth.from(wanted))) {
                        trajectories.put(id, rs.getBigDecimal("target").stripTrailingZeros());
                    }
                });
        return trajectories;
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(d -> ((Date) d).toLocalDate()).toList();
    }

    /** The latest analysed point's verdict, or an empty verdict without values. */
    static SpcVerdict verdict(MetricSpc spc, BigDecimal trajectory) {
        SpcResult result = spc.result();
        if (result.points().isEmpty()) {
            return new SpcVerdict(spc.metric(), null, null, null, null, false, trajectory);
        }
        return new SpcVerdict(spc.metric(), spc.periods().getLast(), BigDecimal.valueOf(result.points().getLast().value()),
                result.variation(), result.assurance(), result.provisionalLimits(), trajectory);
    }
}
