package app.catchball.metrics;

import app.catchball.base.Formats;
import app.catchball.base.RuleViolation;
import app.catchball.metrics.spc.SpcChartNotes;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated notes on a metric ("New board round started"), drawn as markers on its SPC chart. Everyone
 * may read; the metric's owner and the Contributors, Leads and Coaches of its unit add and remove them.
 */
@Service
@Transactional
public class AnnotationService {

    /** At most this many characters in a note. */
    public static final int MAX_TEXT = 200;

    private final MetricsService metrics;
    private final MetricNotesQueries queries;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AnnotationService(MetricsService metrics, MetricNotesQueries queries, PermissionService permissions, JdbcClient jdbc,
                      Clock clock, ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.queries = queries;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The metric's notes, oldest first. */
    @Transactional(readOnly = true)
    public List<Annotation> annotations(long metricId) {
        metrics.metric(metricId);
        return queries.annotationsOf(List.of(metricId));
    }

    /** The notes of several of a unit's metrics (for the board pack's charts): one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<Annotation>> annotationsOf(long unitId, Collection<Long> metricIds) {
        permissions.check(Action.VIEW, unitId);
        return queries.annotationsOf(metricIds).stream().collect(Collectors.groupingBy(Annotation::metricId));
    }

    /** Adds a note dated on a day that has come; the text is required and short. */
    public Annotation add(long metricId, LocalDate notedOn, String text) {
        MetricInfo metric = metrics.metric(metricId);
        permissions.checkMetricNotes(metric.unitId(), metric.ownerUserId());
        LocalDate today = LocalDate.now(clock);
        if (notedOn == null) {
            throw new RuleViolation("Please give the note's date.");
        }
        if (notedOn.isAfter(today)) {
            throw new RuleViolation(Formats.DAY.format(notedOn) + " is in the future: a note marks something that has happened.");
        }
        if (notedOn.isBefore(ValueRules.EARLIEST_PERIOD)) {
            throw new RuleViolation("Notes start on 1 Jan 2000 at the earliest.");
        }
        if (text == null || text.isBlank()) {
            throw new RuleViolation("Please write the note.");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new RuleViolation("A note has at most " + MAX_TEXT + " characters.");
        }
        String by = permissions.requireUsername();
        long id = jdbc.sql("""
                        insert into metric_annotation (metric_id, noted_on, text, created_by, created_at)
                        values (:m, :on, :text, :by, :at) returning id
                        """)
                .param("m", metricId).param("on", notedOn).param("text", text.strip()).param("by", by)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        changed(metric, by);
        return annotations(metricId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** Removes a note (the audit trail keeps what it said). */
    public void remove(long metricId, long annotationId) {
        MetricInfo metric = metrics.metric(metricId);
        permissions.checkMetricNotes(metric.unitId(), metric.ownerUserId());
        int removed = jdbc.sql("delete from metric_annotation where id = :id and metric_id = :m")
                .param("id", annotationId).param("m", metricId).update();
        if (removed == 0) {
            throw new RuleViolation("That note is no longer there: someone removed it meanwhile.");
        }
        changed(metric, permissions.requireUsername());
    }

    /**
     * Where the notes go on a chart of the given periods (oldest first): at the point of the period
     * that holds the note's day, numbered in date order from 1 as in the list below the chart. A note
     * outside the charted periods gets no marker.
     */
    public static List<SpcChartNotes.Note> markers(List<LocalDate> periods, Frequency frequency, List<Annotation> notes) {
        List<SpcChartNotes.Note> markers = new ArrayList<>();
        for (int n = 0; n < notes.size(); n++) {
            Annotation note = notes.get(n);
            LocalDate period = ValueRules.normalise(note.notedOn(), frequency);
            int index = periods.indexOf(period);
            if (index >= 0) {
                markers.add(new SpcChartNotes.Note(index, String.valueOf(n + 1),
                        Formats.DAY.format(note.notedOn()) + ": " + note.text()));
            }
        }
        return markers;
    }

    private void changed(MetricInfo metric, String by) {
        events.publishEvent(new MetricChanged(metric.unitId(), metric.cycleId(), metric.id(), by, permissions.displayName(by)));
    }
}
