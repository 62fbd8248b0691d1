package app.catchball.metrics;

import app.catchball.base.ConflictException;
import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.SqlText;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A metric's monthly commentary: "What happened", "Why", "What next". Everyone may read; the metric's
 * owner and the Contributors, Leads and Coaches of its unit write it
 * ({@link PermissionService#mayWriteMetricNotes}). Every save is kept: the latest version of a month
 * is its commentary, the earlier ones its history.
 */
@Service
@Transactional
public class CommentaryService {

    /** At most this many characters in each of the three parts. */
    public static final int MAX_PART = 2000;

    private final MetricsService metrics;
    private final MetricNotesQueries queries;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CommentaryService(MetricsService metrics, MetricNotesQueries queries, PermissionService permissions, JdbcClient jdbc,
                      Clock clock, ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.queries = queries;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The commentary of each month (its latest version), newest month first. */
    @Transactional(readOnly = true)
    public List<Commentary> commentary(long metricId) {
        metrics.metric(metricId);
        return latestPerMonth(queries.commentaryOf(List.of(metricId))).values().stream()
                .sorted(Comparator.comparing(Commentary::period).reversed()).toList();
    }

    /** The metric's latest commentary: the one of its latest month with any. */
    @Transactional(readOnly = true)
    public Optional<Commentary> latest(long metricId) {
        return commentary(metricId).stream().findFirst();
    }

    /** Every version ever saved of the metric's commentary, newest first (the history). */
    @Transactional(readOnly = true)
    public List<Commentary> history(long metricId) {
        metrics.metric(metricId);
        return queries.commentaryOf(List.of(metricId)).reversed();
    }

    /**
     * The latest commentary of each metric of a bowling chart that has any: one statement. The chart was
     * read through {@link MetricsService#bowling}, which checked that the user may see its unit.
     */
    @Transactional(readOnly = true)
    public Map<Long, Commentary> latestOf(BowlingChart chart) {
        permissions.requireUsername();
        Map<Long, Commentary> latest = new HashMap<>();
        List<Long> metricIds = chart.rows().stream().map(r -> r.metric().id()).toList();
        for (Commentary c : latestPerMonth(queries.commentaryOf(metricIds)).values()) {
            latest.merge(c.metricId(), c, (a, b) -> a.period().isAfter(b.period()) ? a : b);
        }
        return latest;
    }

    /** The commentary of one month of each of a unit's metrics that has one (for the month's review): one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Commentary> ofMonth(long unitId, Collection<Long> metricIds, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        Map<Long, Commentary> result = new HashMap<>();
        latestPerMonth(queries.commentaryOf(metricIds)).values().stream().filter(c -> c.month().equals(month))
                .forEach(c -> result.put(c.metricId(), c));
        return result;
    }

    /** Whether the signed-in user may write the metric's commentary and notes. */
    @Transactional(readOnly = true)
    public boolean mayWrite(long metricId) {
        MetricInfo metric = metrics.metric(metricId);
        return permissions.mayWriteMetricNotes(metric.unitId(), metric.ownerUserId());
    }

    /**
     * Saves the commentary of a month as a new version; the earlier versions stay. {@code basedOn} is
     * the id of the version the writer started from (null for a month without commentary): when
     * someone saved another version meanwhile, nothing is saved and the writer is told. Saving the same
     * words again changes nothing.
     */
    public Commentary write(long metricId, YearMonth month, String whatHappened, String why, String whatNext, Long basedOn) {
        MetricInfo metric = metrics.metric(metricId);
        permissions.checkMetricNotes(metric.unitId(), metric.ownerUserId());
        YearMonth now = YearMonth.now(clock);
        if (month == null) {
            throw new RuleViolation("Please choose the month the commentary is about.");
        }
        if (month.isAfter(now)) {
            throw new RuleViolation(Formats.MONTH.format(month) + " is in the future: commentary can be written up to the "
                    + "current month (" + Formats.MONTH.format(now) + ").");
        }
        if (month.isBefore(YearMonth.from(ValueRules.EARLIEST_PERIOD))) {
            throw new RuleViolation("Commentary starts in January 2000 at the earliest.");
        }
        String happened = text(whatHappened);
        if (happened == null) {
            throw new RuleViolation("Please say what happened.");
        }
        String whyText = text(why);
        String next = text(whatNext);
        for (String part : new String[] {happened, whyText, next}) {
            if (part != null && part.length() > MAX_PART) {
                throw new RuleViolation("\"What happened\", \"Why\" and \"What next\" have at most 2,000 characters each.");
            }
        }
        if (metric.archived()) {
            throw new RuleViolation(metric.label() + " is archived: its commentary can no longer change.");
        }
        // Writers of one metric take turns, so "based on" is checked against what is really the latest.
        jdbc.sql(SqlText.using("select id from {plan_items} where id = :m for no key update", PlanRelations.PLAN_ITEMS)).param("m", metricId).query(Long.class).single();
        Optional<Commentary> current = latestPerMonth(queries.commentaryOf(List.of(metricId))).values().stream()
                .filter(c -> c.month().equals(month)).findFirst();
        if (current.isPresent() && !Long.valueOf(current.get().id()).equals(basedOn) || current.isEmpty() && basedOn != null) {
            throw new ConflictException(current.map(c -> c.writtenByName() + " saved the commentary of "
                            + Formats.MONTH.format(month) + " at " + Formats.DAY_AND_TIME.format(c.writtenAt().atZone(ZoneId.systemDefault()))
                            + " while you were writing. Reload to see it, then save yours again.")
                    .orElse("The commentary you started from is no longer there. Reload and try again."));
        }
        if (current.isPresent() && same(current.get(), happened, whyText, next)) {
            return current.get();
        }
        String by = permissions.requireUsername();
        jdbc.sql("""
                        insert into metric_commentary (metric_id, period, what_happened, why, what_next, written_by, written_at)
                        values (:m, :p, :happened, :why, :next, :by, :at)
                        """)
                .param("m", metricId).param("p", month.atDay(1)).param("happened", happened).param("why", whyText)
                .param("next", next).param("by", by).param("at", Timestamp.from(clock.instant())).update();
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metricId, by, permissions.displayName(by)));
        return commentary(metricId).stream().filter(c -> c.month().equals(month)).findFirst().orElseThrow();
    }

    private static String text(String part) {
        return part == null || part.isBlank() ? null : part.strip();
    }

    private static boolean same(Commentary c, String happened, String why, String next) {
        return c.whatHappened().equals(happened) && Objects.equals(c.why(), why)
                && Objects.equals(c.whatNext(), next);
    }

    /** The latest version per metric and month, from versions given oldest first. */
    private static Map<String, Commentary> latestPerMonth(List<Commentary> versions) {
        Map<String, Commentary> latest = new LinkedHashMap<>();
        versions.forEach(c -> latest.put(c.metricId() + "/" + c.period(), c));
        return latest;
    }
}
