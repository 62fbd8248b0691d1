package app.catchball.metrics;

import io.micrometer.core.annotation.Timed;
import static app.catchball.metrics.ValueRules.archivedMessage;
import static app.catchball.metrics.ValueRules.normalise;
import static app.catchball.metrics.ValueRules.periodProblem;
import static app.catchball.metrics.ValueRules.periodText;
import static app.catchball.metrics.ValueRules.valueProblem;

import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.metrics.spc.ImprovementDirection;
import app.catchball.metrics.spc.SpcEngine;
import app.catchball.metrics.spc.SpcOptions;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.Direction;
import app.catchball.planning.PlanningService;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metric values, bowling charts and SPC. Everyone may read; Contributors and Leads of the metric's
 * unit (or above) enter values; a correction keeps its history. Countermeasures are
 * {@link CountermeasureService}.
 */
@Service
@Transactional
public class MetricsService {

    /** A metric's columns ({@link MetricInfo}), with its unit and owner, from {@code plan_items m}. */
    static final String METRIC_COLUMNS = metricColumns("");

    /** Every change of the values of metric {@code :m}'s series (the caller adds its order). */
    static final String HISTORY = SqlText.using("""
            select h.period, h.old_value, h.new_value, h.changed_by, h.changed_at, h.source
            from series_value_history h join {plan_items} m on m.series_id = h.series_id
            where m.id = :m""", PlanRelations.PLAN_ITEMS);

    private final JdbcClient jdbc;
    private final BowlingChartQueries bowlingCharts;
    private final SeriesSettingsQueries seriesSettings;
    private final PermissionService permissions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PlanningService planning;

    MetricsService(JdbcClient jdbc, BowlingChartQueries bowlingCharts, PermissionService permissions, Clock clock,
                   ApplicationEventPublisher events, SeriesSettingsQueries seriesSettings, PlanningService planning) {
        this.jdbc = jdbc;
        this.bowlingCharts = bowlingCharts;
        this.seriesSettings = seriesSettings;
        this.permissions = permissions;
        this.clock = clock;
        this.events = events;
        this.planning = planning;
    }

    // ---------------------------------------------------------------- metrics

    @Transactional(readOnly = true)
    public MetricInfo metric(long metricId) {
        MetricInfo metric = jdbc.sql(METRIC_COLUMNS + " where m.id = :id and m.kind = 'METRIC'").param("id", metricId)
                .query(Rows.of(MetricInfo.class)).optional().orElseThrow(() -> new RuleViolation("That metric does not exist."));
        permissions.check(Action.VIEW, metric.unitId());
        return metric;
    }

    /** The metrics on a unit's X-matrix in a cycle, in matrix order. */
    @Transactional(readOnly = true)
    public List<MetricInfo> metricsOf(long unitId, long cycleId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(METRIC_COLUMNS + """
                         where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived
                         order by m.sort_order, m.number
                        """).param("unit", unitId).param("cycle", cycleId).query(Rows.of(MetricInfo.class)).list();
    }

    /** The metrics of a unit's X-matrix in a cycle, the archived ones too (last), so an upload can name them. */
    @Transactional(readOnly = true)
    List<MetricInfo> metricsWithArchived(long unitId, long cycleId) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(METRIC_COLUMNS + """
                         where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC'
                         order by m.archived, m.sort_order, m.number
                        """).param("unit", unitId).param("cycle", cycleId).query(Rows.of(MetricInfo.class)).list();
    }

    /** What the signed-in user may do on the unit's metrics (refused unless they may see it): one statement for a screen's buttons. */
    @Transactional(readOnly = true)
    public Set<Action> actionsOn(long unitId) {
        return permissions.checkAndList(Action.VIEW, unitId);
    }

    /** Whether the signed-in user may enter values for the metric. */
    @Transactional(readOnly = true)
    public boolean mayEnterValues(long metricId) {
        return permissions.may(Action.ENTER_METRIC_VALUES, metric(metricId).unitId());
    }

    // ---------------------------------------------------------------- values

    @Transactional(readOnly = true)
    public List<MetricValueView> values(long metricId) {
        metric(metricId);
        return jdbc.sql(SqlText.using("""
                        select v.period, v.value, v.updated_by, v.updated_at
                        from series_value v join {plan_items} m on m.series_id = v.series_id where m.id = :m order by v.period
                        """, PlanRelations.PLAN_ITEMS)).param("m", metricId).query(Rows.of(MetricValueView.class)).list();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long metricId) {
        metric(metricId);
        return jdbc.sql(HISTORY + " order by h.changed_at desc, h.id desc").param("m", metricId)
                .query(Rows.of(HistoryEntry.class)).list();
    }

    /**
     * Saves values for a metric, all or nothing: a new period is added, a changed value is
     * corrected, and every change is recorded in the history with who, when, how and the value it
     * replaced. Values belong to the metric's series (the same measure in every cycle). Writers of one
     * series' values take turns (a lock on the metric's and the series' rows), so each
     * history row holds the true old value and the counts tell the truth under concurrency.
     * Nothing is saved when any entry is refused ({@link ValuesRefused}, one refusal per entry).
     */
    public SaveResult saveValues(long metricId, List<ValueEntry> entries, ValueSource source) {
        MetricInfo metric = metric(metricId);
        permissions.check(Action.ENTER_METRIC_VALUES, metric.unitId());
        if (entries == null || entries.isEmpty()) {
            throw new RuleViolation("There are no values to save.");
        }
        record Target(boolean archived, long seriesId) {
        }
        Target target = jdbc.sql(SqlText.using("""
                        select m.archived, m.series_id from {plan_items} m join metric_series s on s.id = m.series_id
                        where m.id = :m for no key update
                        """, PlanRelations.PLAN_ITEMS)).param("m", metricId).query(Rows.of(Target.class)).single();
        long seriesId = target.seriesId();
        if (target.archived()) {
            throw new RuleViolation(archivedMessage(metric));
        }
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, BigDecimal> byPeriod = new LinkedHashMap<>();
        List<ValuesRefused.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ValueEntry entry = entries.get(i);
            String periodProblem = entry == null ? "Every value needs its period." : periodProblem(metric, entry.period(), today);
            if (periodProblem != null) {
                refusals.add(new ValuesRefused.Refusal(i, "period", periodProblem));
                continue;
            }
            String valueProblem = valueProblem(entry.value());
            if (valueProblem != null) {
                refusals.add(new ValuesRefused.Refusal(i, "value", valueProblem));
            } else if (byPeriod.put(entry.period(), entry.value()) != null) {
                refusals.add(new ValuesRefused.Refusal(i, "period",
                        "The period " + periodText(entry.period(), metric.frequency()) + " appears twice."));
            }
        }
        if (!refusals.isEmpty()) {
            throw new ValuesRefused(refusals);
        }
        Map<LocalDate, BigDecimal> existing = new HashMap<>();
        jdbc.sql("select period, value from series_value where series_id = :s").param("s", seriesId)
                .query(rs -> {
                    existing.put(rs.getObject("period", LocalDate.class), rs.getBigDecimal("value"));
                });
        String by = permissions.requireUsername();
        Timestamp now = Timestamp.from(clock.instant());
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : byPeriod.entrySet()) {
            BigDecimal old = existing.get(e.getKey());
            BigDecimal value = e.getValue().setScale(4, RoundingMode.HALF_UP);
            if (old != null && old.compareTo(value) == 0) {
                unchanged++;
                continue;
            }
            jdbc.sql("""
                            insert into series_value (series_id, period, value, updated_at, updated_by) values (:s, :p, :v, :at, :by)
                            on conflict (series_id, period)
                            do update set value = excluded.value, updated_at = excluded.updated_at,
                                          updated_by = excluded.updated_by, version = series_value.version + 1
                            """)
                    .param("s", seriesId).param("p", e.getKey()).param("v", value)
                    .param("at", now).param("by", by).update();
            jdbc.sql("""
                            insert into series_value_history (series_id, period, old_value, new_value, changed_by, changed_at, source)
                            values (:s, :p, :old, :new, :by, :at, :source)
                            """)
                    .param("s", seriesId).param("p", e.getKey()).param("old", old).param("new", value)
                    .param("by", by).param("at", now).param("source", source.name()).update();
            if (old == null) {
                created++;
            } else {
                changed++;
            }
        }
        if (created + changed > 0) {
            changed(metric);
        }
        return new SaveResult(created, changed, unchanged);
    }

    /**
     * Saves values for several metrics in one transaction: all of them, or (on any refusal) none.
     * Metrics are locked in the order of their ids, so two such saves never wait on each other in a circle.
     */
    public SaveResult saveMany(Map<Long, List<ValueEntry>> valuesByMetric, ValueSource source) {
        if (valuesByMetric.isEmpty()) {
            throw new RuleViolation("There are no values to save.");
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (var e : new TreeMap<>(valuesByMetric).entrySet()) {
            SaveResult r;
            try {
                r = saveValues(e.getKey(), e.getValue(), source);
            } catch (ValuesRefused refused) {
                throw new RuleViolation(metric(e.getKey()).label() + ": " + refused.getMessage());
            }
            created += r.created();
            changed += r.changed();
            unchanged += r.unchanged();
        }
        return new SaveResult(created, changed, unchanged);
    }

    /**
     * The value of each of a unit's metrics (in a cycle, not archived) for one month, for the entry
     * grid: a weekly metric's first week of the month. One statement, whatever the number of metrics.
     */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> valuesForMonth(long unitId, long cycleId, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        Map<Long, BigDecimal> result = new HashMap<>();
        jdbc.sql(SqlText.using("""
                        select distinct on (v.metric_id) v.metric_id, v.value
                        from metric_value v join {plan_items} m on m.id = v.metric_id
                        where m.unit_id = :unit and m.cycle_id = :cycle and m.kind = 'METRIC' and not m.archived
                          and v.period >= :first and v.period < :next
                        order by v.metric_id, v.period
                        """, PlanRelations.PLAN_ITEMS))
                .param("unit", unitId).param("cycle", cycleId)
                .param("first", month.atDay(1)).param("next", month.plusMonths(1).atDay(1))
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return result;
    }

    /** Whether the signed-in user may change the metric itself (a Lead of its unit). */
    @Transactional(readOnly = true)
    public boolean mayChangeMetric(long metricId) {
        return permissions.may(Action.EDIT_PLAN, metric(metricId).unitId());
    }

    /** Changes how often a metric's values arrive; a Lead's decision, like the rest of the X-matrix. */
    public MetricInfo changeFrequency(long metricId, Frequency frequency) {
        MetricInfo metric = metric(metricId);
        permissions.check(Action.EDIT_PLAN, metric.unitId());
        if (frequency == null) {
            throw new RuleViolation("Please choose monthly or weekly.");
        }
        if (frequency != metric.frequency() && !values(metricId).isEmpty()) {
            throw new RuleViolation("This metric already has " + metric.frequency().name().toLowerCase()
                    + " values: its frequency can no longer change.");
        }
        planning.changeFrequency(metricId, frequency.name());
        changed(metric);
        return metric(metricId);
    }

    /** The latest period that may hold a value of the metric, by the application's clock. */
    @Transactional(readOnly = true)
    public LocalDate currentPeriod(long metricId) {
        return ValueRules.currentPeriod(metric(metricId).frequency(), LocalDate.now(clock));
    }

    // ---------------------------------------------------------------- SPC

    /**
     * The SPC analysis of a metric's stored values (Making Data Count), with the metric's target and
     * its chart settings: limits fixed after N points, outlier screening, rebase dates.
     */
    @Transactional(readOnly = true)
    @Timed(value = "catchball.spc", extraTags = {"source", "metric"}, description = "SPC analysis")
    public MetricSpc spc(long metricId) {
        MetricInfo metric = metric(metricId);
        List<MetricValueView> values = values(metricId);
        SpcSettings settings = spcSettings(metricId);
        return new MetricSpc(metric, values.stream().map(MetricValueView::period).toList(), analyse(metric, values, settings));
    }

    /** A metric's SPC chart settings (defaults when never set). */
    @Transactional(readOnly = true)
    public SpcSettings spcSettings(long metricId) {
        metric(metricId);
        return seriesSettings.read(metricId);
    }

    /** Changes how a metric's chart is read; Leads of its unit (like the rest of the X-matrix). */
    public SpcSettings changeSpcSettings(long metricId, SpcSettings settings) {
        MetricInfo metric = metric(metricId);
        permissions.check(Action.EDIT_PLAN, metric.unitId());
        if (settings.fixAfterN() != null && settings.fixAfterN() < SpcOptions.MIN_FIX_AFTER_N_POINTS) {
            throw new RuleViolation("Limits can be fixed after at least " + SpcOptions.MIN_FIX_AFTER_N_POINTS + " points.");
        }
        seriesSettings.write(metricId, settings.fixAfterN(), settings.screenOutliers(),
                new TreeSet<>(settings.rebaseDates().stream().map(d -> normalise(d, metric.frequency())).toList()));
        changed(metric);
        return spcSettings(metricId);
    }

    static SpcResult analyse(MetricInfo metric, List<MetricValueView> values) {
        return analyse(metric, values, new SpcSettings(null, true, List.of()));
    }

    static SpcResult analyse(MetricInfo metric, List<MetricValueView> values, SpcSettings settings) {
        double[] series = values.stream().mapToDouble(v -> v.value().doubleValue()).toArray();
        List<Integer> rebaseIndexes = new ArrayList<>();
        for (LocalDate rebase : settings.rebaseDates()) {
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).period().isBefore(rebase)) {
                    rebaseIndexes.add(i);
                    break;
                }
            }
        }
        Integer fix = settings.fixAfterN() != null && settings.fixAfterN() >= SpcOptions.MIN_FIX_AFTER_N_POINTS ? settings.fixAfterN() : null;
        return SpcEngine.analyse(series, new SpcOptions(direction(metric.direction()),
                metric.target() == null ? null : metric.target().doubleValue(), settings.screenOutliers(), fix, rebaseIndexes));
    }

    public static ImprovementDirection direction(Direction direction) {
        if (direction == null) {
            return ImprovementDirection.NEUTRAL;
        }
        return switch (direction) {
            case UP -> ImprovementDirection.INCREASE;
            case DOWN -> ImprovementDirection.DECREASE;
            case NEUTRAL -> ImprovementDirection.NEUTRAL;
        };
    }

    // ---------------------------------------------------------------- bowling chart

    /**
     * The bowling chart of a unit's metrics over the months of a cycle: one SQL statement for the
     * grid (weekly values are averaged per month), then the countermeasure check per metric.
     */
    @Transactional(readOnly = true)
    public BowlingChart bowling(long unitId, long cycleId) {
        permissions.check(Action.VIEW, unitId);
        return bowlingCharts.bowling(unitId, cycleId);
    }

    /** {@link #METRIC_COLUMNS} with more columns ({@code ", t.target"}) after the metric's own. */
    static String metricColumns(String more) {
        return SqlText.using("""
                select m.id, m.unit_id, u.name as unit_name, m.cycle_id, 'M' || m.number as code, m.title, m.unit_of_measure,
                       m.direction, m.baseline, m.target, m.due_date, m.accountable_user_id as owner_user_id,
                       o.display_name as owner_name, m.frequency, m.archived""" + more + """

                from {plan_items} m
                join {units} u on u.id = m.unit_id
                left join {users} o on o.id = m.accountable_user_id
                """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS, UserRelations.USERS);
    }

    /** Tells open screens, after the commit, that the metric changed (base.live). */
    private void changed(MetricInfo metric) {
        String by = permissions.requireUsername();
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metric.id(), by, permissions.displayName(by)));
    }
}
