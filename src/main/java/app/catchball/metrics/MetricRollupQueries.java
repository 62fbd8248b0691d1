package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.metrics.MetricRollup.Commitments;
import app.catchball.metrics.MetricRollup.Contribution;
import app.catchball.metrics.MetricRollup.Contributor;
import app.catchball.metrics.MetricRollup.MonthValue;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.Direction;
import app.catchball.planning.sql.PlanRelations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Roll-ups between levels, read for a whole list of metrics at once: one statement for the links
 * that touch the metrics (as parent or as child), each with its contributor's monthly values in the
 * parent's cycle. Never a statement per metric or per child, and the same one statement whether a
 * unit's metrics have contributors or not.
 */
@Repository
class MetricRollupQueries {

    /**
     * The one read of values for roll-ups: the contributing metric's value per month (weekly values
     * averaged per month, as the bowling chart does) within the parent metric's cycle, as two arrays.
     * Values move to the metric's series with issue 12 point 1: switch the table here.
     */
    private static final String CONTRIBUTOR_MONTHLY_VALUES = """
            left join lateral (
                select array_agg(mv.month order by mv.month) as months, array_agg(mv.value order by mv.month) as vals
                from (select cast(date_trunc('month', v.period) as date) as month, avg(v.value) as value
                      from metric_value v
                      where v.metric_id = r.metric_id
                        and v.period >= cy.first_month and v.period < cy.last_month + interval '1 month'
                      group by 1) mv
            ) vals on true
            """;

    /** A link between a contributing metric and its parent metric, with what the screens say about both. */
    record Link(long metricId, String code, String title, long unitId, String unitName, String levelName,
                BigDecimal target, long parentMetricId, String parentCode, String parentTitle, long parentUnitId,
                String parentUnitName, String rule, String part, Map<YearMonth, BigDecimal> values) {

        RollupRule ruleValue() {
            return RollupRule.valueOf(rule);
        }

        RatioPart partValue() {
            return part == null ? null : RatioPart.valueOf(part);
        }

        Contributor contributor() {
            return new Contributor(metricId, code + " " + title, unitId, unitName, partValue(), target);
        }
    }

    private final JdbcClient jdbc;

    MetricRollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The roll-ups of the given metrics: for each metric that contributes to a parent or has
     * contributors, its {@link MetricRollup} over the months of its cycle in which a contributor
     * reported; the others are left out. One statement.
     */
    Map<Long, MetricRollup> rollups(Collection<MetricInfo> metrics) {
        Map<Long, MetricRollup> result = new LinkedHashMap<>();
        if (metrics.isEmpty()) {
            return result;
        }
        Set<Long> ids = new LinkedHashSet<>();
        metrics.forEach(m -> ids.add(m.id()));
        List<Link> links = links(ids);
        if (links.isEmpty()) {
            return result;
        }
        Map<Long, List<Link>> incoming = new HashMap<>();
        Map<Long, Link> outgoing = new HashMap<>();
        for (Link link : links) {
            if (ids.contains(link.parentMetricId())) {
                incoming.computeIfAbsent(link.parentMetricId(), k -> new ArrayList<>()).add(link);
            }
            if (ids.contains(link.metricId())) {
                outgoing.put(link.metricId(), link);
            }
        }
        for (MetricInfo metric : metrics) {
            Link up = outgoing.get(metric.id());
            List<Link> below = incoming.getOrDefault(metric.id(), List.of());
            if (up == null && below.isEmpty()) {
                continue;
            }
            Contribution contribution = up == null ? null : new Contribution(up.parentMetricId(),
                    up.parentCode() + " " + up.parentTitle(), up.parentUnitId(), up.parentUnitName(), up.ruleValue(), up.partValue());
            if (below.isEmpty()) {
                result.put(metric.id(), new MetricRollup(metric.id(), contribution, null, List.of(), List.of(), null));
                continue;
            }
            RollupRule rule = below.getFirst().ruleValue();
            boolean percent = "%".equals(metric.unitOfMeasure() == null ? null : metric.unitOfMeasure().strip());
            Map<Long, Map<YearMonth, BigDecimal>> values = new HashMap<>();
            TreeSet<YearMonth> months = new TreeSet<>();
            below.forEach(l -> {
                values.put(l.metricId(), l.values());
                months.addAll(l.values().keySet());
            });
            List<MonthValue> rolled = new ArrayList<>();
            for (YearMonth month : months) {
                MonthValue v = monthValue(rule, below, id -> values.getOrDefault(id, Map.of()).get(month), month, percent);
                if (v != null) {
                    rolled.add(v);
                }
            }
            result.put(metric.id(), new MetricRollup(metric.id(), contribution, rule,
                    below.stream().map(Link::contributor).toList(), rolled, commitments(metric, rule, below, percent)));
        }
        return result;
    }

    /** Every link in which one of the metrics is the child or the parent (archived metrics left out), with the child's values. */
    List<Link> links(Collection<Long> metricIds) {
        return jdbc.sql(SqlText.using("""
                        select r.metric_id, 'M' || c.number as code, c.title, c.unit_id, cu.name as unit_name,
                               lv.name as level_name, c.target, r.parent_metric_id, 'M' || p.number as parent_code,
                               p.title as parent_title, p.unit_id as parent_unit_id, pu.name as parent_unit_name, r.rule, r.part,
                               vals.months, vals.vals
                        from metric_rollup r
                        join {plan_items} c on c.id = r.metric_id
                        join {units} cu on cu.id = c.unit_id
                        join {unit_levels} lv on lv.code = cu.level_code
                        join {plan_items} p on p.id = r.parent_metric_id
                        join {units} pu on pu.id = p.unit_id
                        join {cycles} cy on cy.id = p.cycle_id
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS, UnitRelations.UNIT_LEVELS, PlanRelations.CYCLES)
                        + CONTRIBUTOR_MONTHLY_VALUES + """
                        where (r.parent_metric_id in (:ids) or r.metric_id in (:ids)) and not c.archived and not p.archived
                        order by cu.name, c.number
                        """)
                .param("ids", Set.copyOf(metricIds))
                .query((rs, n) -> new Link(rs.getLong("metric_id"), rs.getString("code"), rs.getString("title"),
                        rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("level_name"), rs.getBigDecimal("target"),
                        rs.getLong("parent_metric_id"), rs.getString("parent_code"), rs.getString("parent_title"),
                        rs.getLong("parent_unit_id"), rs.getString("parent_unit_name"), rs.getString("rule"), rs.getString("part"),
                        monthly(rs.getArray("months"), rs.getArray("vals"))))
                .list();
    }

    private static Map<YearMonth, BigDecimal> monthly(Array months, Array values) throws SQLException {
        Map<YearMonth, BigDecimal> result = new HashMap<>();
        if (months == null || values == null) {
            return result;
        }
        Object[] m = (Object[]) months.getArray();
        Object[] v = (Object[]) values.getArray();
        for (int i = 0; i < m.length; i++) {
            result.put(YearMonth.from(((Date) m[i]).toLocalDate()), (BigDecimal) v[i]);
        }
        return result;
    }

    /**
     * A month's rolled-up value by the rule, from the contributors that reported it (null when none
     * did). For a ratio of sums a unit counts when all its contributing metrics reported.
     */
    static MonthValue monthValue(RollupRule rule, List<Link> contributors, LongFunction<BigDecimal> valueOf,
                                 YearMonth month, boolean percent) {
        if (rule == RollupRule.RATIO) {
            Map<Long, List<Link>> byUnit = byUnit(contributors);
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ZERO;
            int reported = 0;
            for (List<Link> unit : byUnit.values()) {
                if (unit.stream().anyMatch(l -> valueOf.apply(l.metricId()) == null)) {
                    continue;
                }
                reported++;
                for (Link l : unit) {
                    if (l.partValue() == RatioPart.NUMERATOR) {
                        numerator = numerator.add(valueOf.apply(l.metricId()));
                    } else {
                        denominator = denominator.add(valueOf.apply(l.metricId()));
                    }
                }
            }
            BigDecimal ratio = ratio(numerator, denominator, percent);
            return reported == 0 || ratio == null ? null : new MonthValue(month, ratio, reported, byUnit.size());
        }
        List<BigDecimal> reported = contributors.stream().map(l -> valueOf.apply(l.metricId())).filter(Objects::nonNull).toList();
        if (reported.isEmpty()) {
            return null;
        }
        BigDecimal sum = reported.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = rule == RollupRule.SUM ? sum : sum.divide(BigDecimal.valueOf(reported.size()), 4, RoundingMode.HALF_UP);
        return new MonthValue(month, scale(value), reported.size(), contributors.size());
    }

    /** The units' committed targets added up by the rule, against the parent's target. */
    static Commitments commitments(MetricInfo parent, RollupRule rule, List<Link> contributors, boolean percent) {
        BigDecimal committed;
        int without;
        if (rule == RollupRule.RATIO) {
            Map<Long, List<Link>> byUnit = byUnit(contributors);
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ZERO;
            without = 0;
            for (List<Link> unit : byUnit.values()) {
                if (unit.stream().anyMatch(l -> l.target() == null)) {
                    without++;
                    continue;
                }
                for (Link l : unit) {
                    if (l.partValue() == RatioPart.NUMERATOR) {
                        numerator = numerator.add(l.target());
                    } else {
                        denominator = denominator.add(l.target());
                    }
                }
            }
            committed = without == byUnit.size() ? null : ratio(numerator, denominator, percent);
        } else {
            List<BigDecimal> targets = contributors.stream().map(Link::target).filter(Objects::nonNull).toList();
            without = contributors.size() - targets.size();
            BigDecimal sum = targets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            committed = targets.isEmpty() ? null : rule == RollupRule.SUM ? sum
                    : sum.divide(BigDecimal.valueOf(targets.size()), 4, RoundingMode.HALF_UP);
        }
        committed = scale(committed);
        BigDecimal target = scale(parent.target());
        StringBuilder sentence = new StringBuilder(levelWord(contributors)).append(" commitments: ")
                .append(committed == null ? "none yet" : plain(committed));
        sentence.append(target == null ? " (no target set here)" : " of " + plain(target));
        if (without > 0 && committed != null) {
            sentence.append(" (").append(without).append(" without a target)");
        }
        BigDecimal gap = committed == null || target == null ? null : target.subtract(committed);
        boolean covered = gap != null && (parent.direction() == Direction.DOWN ? gap.signum() >= 0
                : parent.direction() == Direction.UP ? gap.signum() <= 0 : gap.signum() == 0);
        return new Commitments(sentence.toString(), committed, target, gap, without, covered);
    }

    /** "Ward" when every contributing unit is a ward (the level's name up to " /"), else "Unit". */
    private static String levelWord(List<Link> contributors) {
        Set<String> levels = new LinkedHashSet<>();
        contributors.forEach(l -> levels.add(l.levelName()));
        if (levels.size() != 1) {
            return "Unit";
        }
        String name = levels.iterator().next();
        int slash = name.indexOf(" /");
        return slash > 0 ? name.substring(0, slash) : name;
    }

    private static Map<Long, List<Link>> byUnit(List<Link> contributors) {
        Map<Long, List<Link>> byUnit = new LinkedHashMap<>();
        contributors.forEach(l -> byUnit.computeIfAbsent(l.unitId(), k -> new ArrayList<>()).add(l));
        return byUnit;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, boolean percent) {
        if (denominator.signum() == 0) {
            return null;
        }
        BigDecimal ratio = numerator.divide(denominator, 6, RoundingMode.HALF_UP);
        return scale(percent ? ratio.multiply(BigDecimal.valueOf(100)) : ratio);
    }

    static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
