package app.catchball.metrics;

import app.catchball.base.ConflictException;
import app.catchball.base.RuleViolation;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import app.catchball.security.sql.UserRelations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Countermeasures: what a metric's owner does when it asks for one (special-cause concern, or red
 * two months running). Everyone may read; Contributors, Leads and Coaches of the metric's unit
 * record them.
 */
@Service
@Transactional
public class CountermeasureService {

    private final MetricsService metrics;
    private final CountermeasureQueries queries;
    private final PermissionService permissions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CountermeasureService(MetricsService metrics, CountermeasureQueries queries, PermissionService permissions,
                          JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.metrics = metrics;
        this.queries = queries;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.clock = clock;
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
        List<UnitCycle> matrices = jdbc.sql(SqlText.using("""
                        select distinct m.unit_id, m.cycle_id from {plan_items} m
                        join {users} u on u.id = m.accountable_user_id
                        join {cycles} c on c.id = m.cycle_id
                        where lower(u.username) = lower(:u) and m.kind = 'METRIC' and not m.archived and c.is_current
                        """, PlanRelations.PLAN_ITEMS, UserRelations.USERS, PlanRelations.CYCLES)).param("u", me).query(Rows.of(UnitCycle.class)).list();
        Long myId = jdbc.sql(SqlText.using("select id from {users} where lower(username) = lower(:u)", UserRelations.USERS)).param("u", me)
                .query(Long.class).optional().orElse(-1L);
        List<CountermeasureRequest> requests = new ArrayList<>();
        for (UnitCycle matrix : matrices) {
            for (BowlingChart.Row row : metrics.bowling(matrix.unitId(), matrix.cycleId()).rows()) {
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
        metrics.metric(metricId);
        return queries.countermeasuresOf(List.of(metricId)).getOrDefault(metricId, List.of());
    }

    /** Whether the signed-in user may record countermeasures on the metric (as {@link #saveCountermeasure} allows). */
    @Transactional(readOnly = true)
    public boolean mayRecord(long metricId) {
        long unitId = metrics.metric(metricId).unitId();
        return permissions.may(Action.ENTER_METRIC_VALUES, unitId) || permissions.may(Action.COACH, unitId);
    }

    /** Records a countermeasure; Contributors, Leads and Coaches of the unit may. */
    public CountermeasureView saveCountermeasure(Long countermeasureId, long metricId, String reason, String problem,
                                                 String rootCause, String action, Long ownerUserId, LocalDate dueDate,
                                                 CountermeasureStatus status, long expectedVersion) {
        MetricInfo metric = metrics.metric(metricId);
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
        events.publishEvent(new CountermeasureChanged(metric.unitId(), metric.cycleId(), metricId, id, by, permissions.displayName(by)));
        return countermeasures(metricId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
