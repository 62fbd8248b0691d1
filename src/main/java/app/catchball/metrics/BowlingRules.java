package app.catchball.metrics;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.planning.sql.PlanRelations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code metric_bowling_rule}: each metric's aggregation, amber band and ratio parts (no
 * row: {@link BowlingRule#DEFAULT}). The bowling chart joins it into its grid statement
 * ({@link #COLUMNS}, alias {@code r}); the metric page reads and writes one rule.
 */
@Repository
class BowlingRules {

    /** The rule's columns as the bowling chart selects them from {@code metric_bowling_rule r}. */
    static final String COLUMNS = "r.aggregation, r.tolerance, r.tolerance_percent, r.numerator_id, r.denominator_id";

    private final JdbcClient jdbc;

    BowlingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BowlingRule rule(long metricId) {
        return jdbc.sql("select " + COLUMNS + " from metric_bowling_rule r where r.metric_id = :m").param("m", metricId)
                .query((rs, n) -> ruleFrom(rs)).optional().orElse(BowlingRule.DEFAULT);
    }

    /** Whether another metric's ratio reads this metric as its numerator or denominator. */
    boolean isRatioPart(long metricId) {
        return jdbc.sql("""
                        select exists (select 1 from metric_bowling_rule
                                       where aggregation = 'RATIO' and (numerator_id = :m or denominator_id = :m))
                        """).param("m", metricId).query(Boolean.class).single();
    }

    /** A metric with its rule and its cycle's trajectory count, as its page needs them: one statement. */
    record MetricRule(MetricInfo metric, BowlingRule rule, int months, int plannedMonths, boolean cycleOpen) {
    }

    Optional<MetricRule> metricRule(long metricId) {
        return jdbc.sql(MetricsService.metricColumns(", " + COLUMNS + """
                        , (extract(year from age(c.last_month, c.first_month)) * 12
                           + extract(month from age(c.last_month, c.first_month)) + 1)::int as months,
                          (select count(*) from metric_trajectory t where t.metric_id = m.id
                             and t.period between c.first_month and c.last_month)::int as planned,
                          c.stage <> 'CLOSED' as cycle_open""") + SqlText.using("""
                         join {cycles} c on c.id = m.cycle_id
                         left join metric_bowling_rule r on r.metric_id = m.id
                         where m.id = :m and m.kind = 'METRIC'
                        """, PlanRelations.CYCLES)).param("m", metricId)
                .query((rs, n) -> new MetricRule(BowlingChartQueries.metricFrom(rs), ruleFrom(rs), rs.getInt("months"),
                        rs.getInt("planned"), rs.getBoolean("cycle_open"))).optional();
    }

    /** The other metrics of the metric's unit and cycle (not archived), which a ratio may name. */
    List<MetricInfo> others(MetricInfo metric) {
        return jdbc.sql(MetricsService.METRIC_COLUMNS + """
                         where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived and m.id <> :m
                         order by m.sort_order, m.number
                        """).param("unit", metric.unitId()).param("cycle", metric.cycleId()).param("m", metric.id())
                .query(Rows.of(MetricInfo.class)).list();
    }

    void save(long metricId, BowlingRule rule) {
        jdbc.sql("""
                        insert into metric_bowling_rule (metric_id, aggregation, tolerance, tolerance_percent, numerator_id, denominator_id)
                        values (:m, :a, :t, :p, :n, :d)
                        on conflict (metric_id) do update set aggregation = excluded.aggregation, tolerance = excluded.tolerance,
                            tolerance_percent = excluded.tolerance_percent, numerator_id = excluded.numerator_id,
                            denominator_id = excluded.denominator_id, version = metric_bowling_rule.version + 1
                        """).param("m", metricId).param("a", rule.aggregation().name()).param("t", rule.tolerance())
                .param("p", rule.tolerancePercent()).param("n", rule.numeratorId()).param("d", rule.denominatorId()).update();
    }

    /** The rule in the current row ({@link #COLUMNS}); a metric without a row of its own reads as the default. */
    static BowlingRule ruleFrom(ResultSet rs) {
        try {
            String aggregation = rs.getString("aggregation");
            if (aggregation == null) {
                return BowlingRule.DEFAULT;
            }
            return new BowlingRule(Aggregation.valueOf(aggregation), rs.getBigDecimal("tolerance"), rs.getBoolean("tolerance_percent"),
                    rs.getObject("numerator_id", Long.class), rs.getObject("denominator_id", Long.class));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metrics and the numerators and denominators their ratios read, so one statement reads all their values. */
    static Set<Long> withParts(Collection<Long> metricIds, Collection<BowlingRule> rules) {
        Set<Long> ids = new LinkedHashSet<>(metricIds);
        for (BowlingRule rule : rules) {
            if (rule.aggregation() == Aggregation.RATIO) {
                ids.add(rule.numeratorId());
                ids.add(rule.denominatorId());
            }
        }
        return ids;
    }
}
