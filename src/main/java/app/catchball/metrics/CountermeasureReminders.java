package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.base.ui.Routes;
import app.catchball.metrics.ui.MetricView;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.reminders.DueItem;
import app.catchball.reminders.ReminderSource;
import app.catchball.security.sql.UserRelations;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reminds a countermeasure's owner once it is overdue and not done; once per due date. */
@Component
class CountermeasureReminders implements ReminderSource {

    private final JdbcClient jdbc;

    CountermeasureReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueItem> dueItems(LocalDate today) {
        return jdbc.sql(SqlText.using("""
                        select c.id, c.owner_user_id, c.due_date, c.metric_id, c.action,
                               'M' || m.number || ' ' || m.title as label, u.name as unit_name
                        from countermeasure c
                        join {plan_items} m on m.id = c.metric_id and not m.archived
                        join {units} u on u.id = m.unit_id
                        join {users} o on o.id = c.owner_user_id and o.active
                        where c.status <> 'DONE' and c.due_date < :today
                        """, PlanRelations.PLAN_ITEMS, UnitRelations.UNITS, UserRelations.USERS))
                .param("today", today)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new DueItem(rs.getLong("owner_user_id"), "COUNTERMEASURE", rs.getLong("id"), due, due,
                            "Countermeasure overdue: " + rs.getString("action") + " (" + rs.getString("label") + ", "
                                    + rs.getString("unit_name") + ")",
                            Routes.path(MetricView.class, rs.getLong("metric_id")));
                })
                .list();
    }
}
