package app.catchball.metrics;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.metrics.spc.ImprovementDirection;
import app.catchball.metrics.spc.PointType;
import app.catchball.metrics.spc.SpcEngine;
import app.catchball.metrics.spc.SpcOptions;
import app.catchball.metrics.spc.SpcResult;
import app.catchball.planning.Direction;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metric values, bowling charts, SPC and countermeasures. Everyone may read; Contributors and
 * Leads of the metric's unit (or above) enter values; a correction keeps its history.
 */
@Service
@Transactional
public class MetricsService {

    static final BigDecimal LIMIT = new BigDecimal("1e12");

    /** Why a value too large (or not finite) is refused. */
    public static final String VALUE_TOO_LARGE = "A value must be smaller than 1,000,000,000,000.";

    /** The earliest period a value may have. */
    public static final LocalDate EARLIEST_PERIOD = LocalDate.of(2000, 1, 1);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

    private static final String METRIC_COLUMNS = """
            select m.id, m.unit_id, u.name as unit_name, m.cycle_id, 'M' || m.number as code, m.title, m.unit_of_measure,
                   m.direction, m.baseline, m.target, m.due_date, m.accountable_user_id as owner_user_id,
                   o.display_name as owner_name, m.frequency, m.archived
            from plan_item m
            join org_unit u on u.id = m.unit_id
            left join app_user o on o.id = m.accountable_user_id
            """;

    private final JdbcClient jdbc;
    private final PermissionService permissions;
    private final Clock clock;

    MetricsService(JdbcClient jdbc, PermissionService permissions, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.clock = clock;
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

    /** Whether the signed-in user may enter values for the metric. */
    @Transactional(readOnly = true)
    public boolean mayEnterValues(long metricId) {
        return permissions.may(Action.ENTER_METRIC_VALUES, metric(metricId).unitId());
    }

    // ---------------------------------------------------------------- values

    @Transactional(readOnly = true)
    public List<MetricValueView> values(long metricId) {
        metric(metricId);
        return jdbc.sql("select period, value, updated_by, updated_at from metric_value where metric_id = :m order by period")
                .param("m", metricId).query(Rows.of(MetricValueView.class)).list();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long metricId) {
        metric(metricId);
        return jdbc.sql("""
                        select period, old_value, new_value, changed_by, changed_at, source
                        from metric_value_history where metric_id = :m order by changed_at desc, id desc
                        """).param("m", metricId).query(Rows.of(HistoryEntry.class)).list();
    }

    /**
     * Saves values for a metric, all or nothing: a new period is added, a changed value is
     * corrected, and every change is recorded in the history with who, when, how and the value it
     * replaced. Writers of one metric's values take turns (a lock on the metric's row), so each
     * history row holds the true old value and the counts tell the truth under concurrency.
     * Nothing is saved when any entry is refused ({@link ValuesRefused}, one refusal per entry).
     */
    public SaveResult saveValues(long metricId, List<ValueEntry> entries, ValueSource source) {
        MetricInfo metric = metric(metricId);
        permissions.check(Action.ENTER_METRIC_VALUES, metric.unitId());
        if (entries == null || entries.isEmpty()) {
            throw new RuleViolation("There are no values to save.");
        }
        boolean archived = jdbc.sql("select archived from plan_item where id = :m for no key update").param("m", metricId)
                .query(Boolean.class).single();
        if (archived) {
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
        jdbc.sql("select period, value from metric_value where metric_id = :m").param("m", metricId)
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
                            insert into metric_value (metric_id, period, value, updated_at, updated_by) values (:m, :p, :v, :at, :by)
                            on conflict (metric_id, period)
                            do update set value = excluded.value, updated_at = excluded.updated_at,
                                          updated_by = excluded.updated_by, version = metric_value.version + 1
                            """)
                    .param("m", metricId).param("p", e.getKey()).param("v", value)
                    .param("at", now).param("by", by).update();
            jdbc.sql("""
                            insert into metric_value_history (metric_id, period, old_value, new_value, changed_by, changed_at, source)
                            values (:m, :p, :old, :new, :by, :at, :source)
                            """)
                    .param("m", metricId).param("p", e.getKey()).param("old", old).param("new", value)
                    .param("by", by).param("at", now).param("source", source.name()).update();
            if (old == null) {
                created++;
            } else {
                changed++;
            }
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

    /** A metric's values for one month (weekly values averaged), by metric, for the entry grid. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> valuesForMonth(long unitId, long cycleId, YearMonth month) {
        Map<Long, BigDecimal> result = new HashMap<>();
        for (MetricInfo m : metricsOf(unitId, cycleId)) {
            values(m.id()).stream().filter(v -> YearMonth.from(v.period()).equals(month)).findFirst()
                    .ifPresent(v -> result.put(m.id(), v.value()));
        }
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
        jdbc.sql("update plan_item set frequency = :f, version = version + 1 where id = :id")
                .param("f", frequency.name()).param("id", metricId).update();
        return metric(metricId);
    }

    /**
     * Why a value cannot be entered for the metric, or null when it can: the one rule behind the
     * form, the CSV/Excel preview and the API. The metric must not be archived; the period must be
     * the first day of a month (monthly) or a Monday (weekly), from 1 Jan 2000 up to the current
     * period; the value a number smaller than 1,000,000,000,000 in size. {@code today} is the
     * application clock's date (the caller has its own permission check).
     */
    public static String refusal(MetricInfo metric, ValueEntry entry, LocalDate today) {
        if (metric.archived()) {
            return archivedMessage(metric);
        }
        String problem = entry == null ? "Every value needs its period." : periodProblem(metric, entry.period(), today);
        return problem != null ? problem : valueProblem(entry.value());
    }

    /** Why the period cannot hold a value of the metric, or null when it can. */
    public static String periodProblem(MetricInfo metric, LocalDate period, LocalDate today) {
        if (period == null) {
            return "Every value needs its period.";
        }
        boolean weekly = metric.frequency() == Frequency.WEEKLY;
        if (!weekly && period.getDayOfMonth() != 1) {
            return DAY.format(period) + " is not the first day of a month: a monthly value belongs to the first day of its month ("
                    + DAY.format(period.withDayOfMonth(1)) + ").";
        }
        if (weekly && period.getDayOfWeek() != DayOfWeek.MONDAY) {
            return DAY.format(period) + " is not a Monday: a weekly value belongs to the Monday of its week ("
                    + DAY.format(normalise(period, Frequency.WEEKLY)) + ").";
        }
        if (period.isBefore(EARLIEST_PERIOD)) {
            return DAY.format(period) + " is before 1 Jan 2000: values start in January 2000 at the earliest.";
        }
        LocalDate current = currentPeriod(metric.frequency(), today);
        if (period.isAfter(current)) {
            return DAY.format(period) + " is in the future: values can be entered up to the current "
                    + (weekly ? "week (week of " + DAY.format(current) + ")" : "month (" + MONTH.format(current) + ")") + ".";
        }
        return null;
    }

    /** Why the number cannot be stored as a value, or null when it can. */
    public static String valueProblem(BigDecimal value) {
        if (value == null) {
            return "A value is missing.";
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            return VALUE_TOO_LARGE;
        }
        return null;
    }

    /** The latest period that may hold a value: this month's first day, or this week's Monday. */
    public static LocalDate currentPeriod(Frequency frequency, LocalDate today) {
        return normalise(today, frequency);
    }

    /** The latest period that may hold a value of the metric, by the application's clock. */
    @Transactional(readOnly = true)
    public LocalDate currentPeriod(long metricId) {
        return currentPeriod(metric(metricId).frequency(), LocalDate.now(clock));
    }

    private static String archivedMessage(MetricInfo metric) {
        return metric.label() + " is archived: it takes no new values.";
    }

    /** The first day of the month, or the Monday of the week. */
    public static LocalDate normalise(LocalDate day, Frequency frequency) {
        return frequency == Frequency.WEEKLY
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    public static String periodText(LocalDate period, Frequency frequency) {
        return frequency == Frequency.WEEKLY ? "week of " + period : YearMonth.from(period).toString();
    }

    // ---------------------------------------------------------------- SPC

    /**
     * The SPC analysis of a metric's stored values (Making Data Count), with the metric's target and
     * its chart settings: limits fixed after N points, outlier screening, rebase dates.
     */
    @Transactional(readOnly = true)
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
        record Row(Integer fixAfterN, boolean screenOutliers) {
        }
        Row row = jdbc.sql("select fix_after_n, screen_outliers from metric_spc_settings where metric_id = :m")
                .param("m", metricId).query(Rows.of(Row.class)).optional().orElse(new Row(null, true));
        List<LocalDate> rebases = jdbc.sql("select period from metric_rebase where metric_id = :m order by period")
                .param("m", metricId).query(LocalDate.class).list();
        return new SpcSettings(row.fixAfterN(), row.screenOutliers(), rebases);
    }

    /** Changes how a metric's chart is read; Leads of its unit (like the rest of the X-matrix). */
    public SpcSettings changeSpcSettings(long metricId, SpcSettings settings) {
        MetricInfo metric = metric(metricId);
        permissions.check(Action.EDIT_PLAN, metric.unitId());
        if (settings.fixAfterN() != null && settings.fixAfterN() < SpcOptions.MIN_FIX_AFTER_N_POINTS) {
            throw new RuleViolation("Limits can be fixed after at least " + SpcOptions.MIN_FIX_AFTER_N_POINTS + " points.");
        }
        jdbc.sql("""
                        insert into metric_spc_settings (metric_id, fix_after_n, screen_outliers) values (:m, :n, :s)
                        on conflict (metric_id) do update set fix_after_n = excluded.fix_after_n,
                            screen_outliers = excluded.screen_outliers, version = metric_spc_settings.version + 1
                        """).param("m", metricId).param("n", settings.fixAfterN()).param("s", settings.screenOutliers()).update();
        jdbc.sql("delete from metric_rebase where metric_id = :m").param("m", metricId).update();
        for (LocalDate rebase : new TreeSet<>(settings.rebaseDates())) {
            jdbc.sql("insert into metric_rebase (metric_id, period) values (:m, :p)").param("m", metricId)
                    .param("p", normalise(rebase, metric.frequency())).update();
        }
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
        jdbc.sql(METRIC_COLUMNS.replace("from plan_item m", ", month.month, actual.value as actual, t.target as trajectory from plan_item m") + """
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
        Map<Long, List<CountermeasureView>> measures = countermeasuresOf(metrics.keySet());
        Map<Long, List<MetricValueView>> allValues = valuesOf(metrics.keySet());
        List<BowlingChart.Row> rows = new ArrayList<>();
        for (MetricInfo metric : metrics.values()) {
            List<BowlingChart.Cell> row = cells.get(metric.id());
            BowlingChart.Cell ytd = yearToDate(metric, row);
            String reason = countermeasureReason(metric, row, allValues.getOrDefault(metric.id(), List.of()));
            rows.add(new BowlingChart.Row(metric, row, ytd, reason, measures.getOrDefault(metric.id(), List.of())));
        }
        return new BowlingChart(months, rows);
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
    public static Rag rag(Direction direction, BigDecimal target, BigDecimal actual) {
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
            SpcResult spc = analyse(metric, values);
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

    // ---------------------------------------------------------------- countermeasures

    /** A metric asking its owner for a countermeasure. */
    public record CountermeasureRequest(long metricId, String label, String unitName, String reason) {
    }

    /**
     * The metrics the signed-in user owns (in the current cycle) that ask for a countermeasure:
     * special-cause concern, or red two months running, with no open countermeasure yet.
     */
    @Transactional(readOnly = true)
    public List<CountermeasureRequest> countermeasuresAskedOfMe() {
        String me = permissions.requireUsername();
        record UnitCycle(long unitId, long cycleId) {
        }
        List<UnitCycle> matrices = jdbc.sql("""
                        select distinct m.unit_id, m.cycle_id from plan_item m
                        join app_user u on u.id = m.accountable_user_id
                        join cycle c on c.id = m.cycle_id
                        where lower(u.username) = lower(:u) and m.kind = 'METRIC' and not m.archived and c.is_current
                        """).param("u", me).query(Rows.of(UnitCycle.class)).list();
        Long myId = jdbc.sql("select id from app_user where lower(username) = lower(:u)").param("u", me)
                .query(Long.class).optional().orElse(-1L);
        List<CountermeasureRequest> requests = new ArrayList<>();
        for (UnitCycle matrix : matrices) {
            for (BowlingChart.Row row : bowling(matrix.unitId(), matrix.cycleId()).rows()) {
                boolean open = row.countermeasures().stream().anyMatch(c -> c.status() != CountermeasureStatus.DONE);
                if (row.countermeasureReason() != null && !open && myId.equals(row.metric().ownerUserId())) {
                    requests.add(new CountermeasureRequest(row.metric().id(), row.metric().label(), row.metric().unitName(),
                            row.countermeasureReason()));
                }
            }
        }
        return requests;
    }

    @Transactional(readOnly = true)
    public List<CountermeasureView> countermeasures(long metricId) {
        metric(metricId);
        return countermeasuresOf(List.of(metricId)).getOrDefault(metricId, List.of());
    }

    private Map<Long, List<CountermeasureView>> countermeasuresOf(Collection<Long> metricIds) {
        Map<Long, List<CountermeasureView>> result = new HashMap<>();
        if (metricIds.isEmpty()) {
            return result;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        jdbc.sql("""
                        select c.id, c.metric_id, c.reason, c.problem, c.root_cause, c.action, c.owner_user_id,
                               o.display_name as owner_name, c.due_date, c.status, c.version
                        from countermeasure c left join app_user o on o.id = c.owner_user_id
                        where c.metric_id in (:ids) order by c.created_at desc
                        """)
                .param("ids", metricIds)
                .query(rs -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    CountermeasureStatus status = CountermeasureStatus.valueOf(rs.getString("status"));
                    result.computeIfAbsent(rs.getLong("metric_id"), k -> new ArrayList<>()).add(new CountermeasureView(
                            rs.getLong("id"), rs.getLong("metric_id"), rs.getString("reason"), rs.getString("problem"),
                            rs.getString("root_cause"), rs.getString("action"), (Long) rs.getObject("owner_user_id"),
                            rs.getString("owner_name"), due, status,
                            status != CountermeasureStatus.DONE && due != null && due.isBefore(today), rs.getLong("version")));
                });
        return result;
    }

    /** Records a countermeasure; Contributors, Leads and Coaches of the unit may. */
    public CountermeasureView saveCountermeasure(Long countermeasureId, long metricId, String reason, String problem,
                                                 String rootCause, String action, Long ownerUserId, LocalDate dueDate,
                                                 CountermeasureStatus status, long expectedVersion) {
        MetricInfo metric = metric(metricId);
        if (!permissions.may(Action.ENTER_METRIC_VALUES, metric.unitId()) && !permissions.may(Action.COACH, metric.unitId())) {
            permissions.check(Action.ENTER_METRIC_VALUES, metric.unitId());
        }
        if (action == null || action.isBlank()) {
            throw new RuleViolation("Please say what you will do (the action).");
        }
        if (dueDate == null) {
            throw new RuleViolation("Please give the countermeasure a due date.");
        }
        for (String text : new String[] {problem, rootCause, action}) {
            if (text != null && text.length() > 4000) {
                throw new RuleViolation("Problem, root cause and action have at most 4,000 characters each.");
            }
        }
        String by = permissions.requireUsername();
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (countermeasureId == null) {
            id = jdbc.sql("""
                            insert into countermeasure (metric_id, reason, problem, root_cause, action, owner_user_id, due_date,
                                                        status, created_at, created_by, updated_at)
                            values (:m, :reason, :problem, :cause, :action, :owner, :due, :status, :now, :by, :now) returning id
                            """)
                    .param("m", metricId).param("reason", reason == null || reason.isBlank() ? "Raised by hand" : reason)
                    .param("problem", problem).param("cause", rootCause).param("action", action.strip())
                    .param("owner", ownerUserId).param("due", dueDate)
                    .param("status", (status == null ? CountermeasureStatus.OPEN : status).name())
                    .param("now", now).param("by", by).query(Long.class).single();
        } else {
            int updated = jdbc.sql("""
                            update countermeasure set problem = :problem, root_cause = :cause, action = :action,
                                owner_user_id = :owner, due_date = :due, status = :status, updated_at = :now, version = version + 1
                            where id = :id and metric_id = :m and version = :version
                            """)
                    .param("problem", problem).param("cause", rootCause).param("action", action.strip())
                    .param("owner", ownerUserId).param("due", dueDate)
                    .param("status", (status == null ? CountermeasureStatus.OPEN : status).name()).param("now", now)
                    .param("id", countermeasureId).param("m", metricId).param("version", expectedVersion).update();
            if (updated == 0) {
                throw new ConflictException(
                        "This countermeasure was changed by someone else in the meantime. Reload and try again.");
            }
            id = countermeasureId;
        }
        return countermeasures(metricId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    static Date sqlDate(LocalDate d) {
        return Date.valueOf(d);
    }
}
