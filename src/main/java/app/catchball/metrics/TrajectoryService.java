package app.catchball.metrics;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.planning.CycleService;
import app.catchball.planning.CycleSummary;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trajectories: the value planned for each month of a metric's cycle (table {@code metric_trajectory},
 * audited). The bowling chart compares each month with its trajectory, else with the metric's target.
 * Everyone may read them; those who may change the metric ({@link Action#EDIT_PLAN}: Leads of its unit
 * or above) set them, while its cycle is open. A refused request changes nothing.
 */
@Service
@Transactional
public class TrajectoryService {

    private final MetricsService metrics;
    private final CycleService cycles;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TrajectoryService(MetricsService metrics, CycleService cycles, PermissionService permissions, JdbcClient jdbc,
                      ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.cycles = cycles;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Trajectory trajectory(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        CycleSummary cycle = cycles.get(metric.cycleId());
        List<TrajectoryEntry> entries = jdbc.sql("select period, target from metric_trajectory where metric_id = :m order by period")
                .param("m", metricId).query((rs, n) -> new TrajectoryEntry(rs.getObject("period", LocalDate.class),
                        rs.getBigDecimal("target"))).list();
        return new Trajectory(metric, cycle.name(), months(cycle), entries);
    }

    /** Whether the signed-in user may set the metric's trajectory (and its other bowling chart settings). */
    @Transactional(readOnly = true)
    public boolean mayPlan(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        return permissions.may(Action.EDIT_PLAN, metric.unitId()) && !cycles.get(metric.cycleId()).closed();
    }

    /** Whether the signed-in user may set trajectories of the unit's metrics (in a cycle that is open: the caller knows). */
    @Transactional(readOnly = true)
    public boolean mayPlanUnit(long unitId) {
        return permissions.may(Action.EDIT_PLAN, unitId);
    }

    /**
     * Replaces the metric's whole trajectory with these entries (a month left out has none: it is
     * judged against the target), all or nothing: every refused entry is named
     * ({@link ValuesRefused}) and nothing changes.
     */
    public Trajectory replace(long metricId, List<TrajectoryEntry> entries) {
        MetricInfo metric = writable(metricId);
        Map<LocalDate, BigDecimal> planned = checked(metric, cycles.get(metric.cycleId()), entries == null ? List.of() : entries);
        Map<LocalDate, BigDecimal> existing = existing(metricId);
        for (LocalDate period : existing.keySet()) {
            if (!planned.containsKey(period)) {
                jdbc.sql("delete from metric_trajectory where metric_id = :m and period = :p").param("m", metricId)
                        .param("p", period).update();
            }
        }
        write(metricId, planned, existing);
        changed(metric);
        return trajectory(metricId);
    }

    /**
     * Adds or changes planned months of several metrics (an upload), all or nothing; months not
     * named keep what they had. Metrics are locked in the order of their ids.
     */
    public SaveResult saveMany(Map<Long, List<TrajectoryEntry>> byMetric) {
        if (byMetric == null || byMetric.isEmpty()) {
            throw new RuleViolation("There are no trajectory values to save.");
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : new TreeMap<>(byMetric).entrySet()) {
            MetricInfo metric = writable(e.getKey());
            Map<LocalDate, BigDecimal> planned;
            try {
                planned = checked(metric, cycles.get(metric.cycleId()), e.getValue());
            } catch (ValuesRefused refused) {
                throw new RuleViolation(metric.label() + ": " + refused.getMessage());
            }
            SaveResult r = write(metric.id(), planned, existing(metric.id()));
            created += r.created();
            changed += r.changed();
            unchanged += r.unchanged();
            if (r.created() + r.changed() > 0) {
                changed(metric);
            }
        }
        return new SaveResult(created, changed, unchanged);
    }

    /** Why a planned month cannot be saved for the metric, or null (the same rule for the grid, upload and API). */
    static String refusal(MetricInfo metric, CycleSummary cycle, LocalDate period, BigDecimal target) {
        if (metric.archived()) {
            return metric.label() + " is archived: its trajectory no longer changes.";
        }
        if (period == null) {
            return "Every planned value needs its month.";
        }
        if (period.getDayOfMonth() != 1) {
            return Formats.DAY.format(period) + " is not the first day of a month: a trajectory plans a month ("
                    + Formats.DAY.format(period.withDayOfMonth(1)) + ").";
        }
        if (period.isBefore(cycle.firstMonth()) || period.isAfter(cycle.lastMonth())) {
            return Formats.MONTH.format(period) + " is outside the cycle " + cycle.name() + " ("
                    + Formats.MONTH.format(cycle.firstMonth()) + " to " + Formats.MONTH.format(cycle.lastMonth()) + ").";
        }
        if (target == null) {
            return "The planned value for " + Formats.MONTH.format(period) + " is missing.";
        }
        return ValueRules.valueProblem(target);
    }

    static List<YearMonth> months(CycleSummary cycle) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(cycle.firstMonth()); !m.isAfter(YearMonth.from(cycle.lastMonth())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private MetricInfo writable(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        permissions.check(Action.EDIT_PLAN, metric.unitId());
        CycleSummary cycle = cycles.get(metric.cycleId());
        if (cycle.closed()) {
            throw new RuleViolation("The cycle " + cycle.name() + " is closed: its trajectories can no longer be changed.");
        }
        // Writers of one metric's trajectory take turns, as writers of its values do.
        jdbc.sql(SqlText.using("select id from {plan_items} where id = :m for no key update", PlanRelations.PLAN_ITEMS)).param("m", metricId).query(Long.class).single();
        return metric;
    }

    private static Map<LocalDate, BigDecimal> checked(MetricInfo metric, CycleSummary cycle, List<TrajectoryEntry> entries) {
        Map<LocalDate, BigDecimal> planned = new LinkedHashMap<>();
        List<ValuesRefused.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TrajectoryEntry entry = entries.get(i);
            LocalDate period = entry == null ? null : entry.period();
            BigDecimal target = entry == null ? null : entry.target();
            String problem = refusal(metric, cycle, period, target);
            if (problem != null) {
                String field = refusal(metric, cycle, period, BigDecimal.ONE) != null ? "period" : "target";
                refusals.add(new ValuesRefused.Refusal(i, field, problem));
            } else if (planned.put(period, target) != null) {
                refusals.add(new ValuesRefused.Refusal(i, "period", Formats.MONTH.format(period) + " appears twice."));
            }
        }
        if (!refusals.isEmpty()) {
            throw new ValuesRefused(refusals);
        }
        return planned;
    }

    private Map<LocalDate, BigDecimal> existing(long metricId) {
        Map<LocalDate, BigDecimal> existing = new HashMap<>();
        jdbc.sql("select period, target from metric_trajectory where metric_id = :m").param("m", metricId)
                .query(rs -> {
                    existing.put(rs.getObject("period", LocalDate.class), rs.getBigDecimal("target"));
                });
        return existing;
    }

    private SaveResult write(long metricId, Map<LocalDate, BigDecimal> planned, Map<LocalDate, BigDecimal> existing) {
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : planned.entrySet()) {
            BigDecimal old = existing.get(e.getKey());
            BigDecimal target = e.getValue().setScale(4, RoundingMode.HALF_UP);
            if (old != null && old.compareTo(target) == 0) {
                unchanged++;
                continue;
            }
            jdbc.sql("""
                            insert into metric_trajectory (metric_id, period, target) values (:m, :p, :t)
                            on conflict (metric_id, period) do update set target = excluded.target
                            """).param("m", metricId).param("p", e.getKey()).param("t", target).update();
            if (old == null) {
                created++;
            } else {
                changed++;
            }
        }
        return new SaveResult(created, changed, unchanged);
    }

    private void changed(MetricInfo metric) {
        String by = permissions.requireUsername();
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metric.id(), by, permissions.displayName(by)));
    }
}
