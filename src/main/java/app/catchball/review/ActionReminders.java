package app.catchball.review;

import app.catchball.base.db.SqlText;
import app.catchball.base.ui.Routes;
import app.catchball.base.ui.UnitPicker;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.reminders.DueItem;
import app.catchball.reminders.ReminderSource;
import app.catchball.review.ui.ReviewView;
import app.catchball.security.sql.UserRelations;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reminds an action's owner once it is overdue and still open ("Decisions and actions"); once per due date. */
@Component
class ActionReminders implements ReminderSource {

    private final JdbcClient jdbc;

    ActionReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueItem> dueItems(LocalDate today) {
        return jdbc.sql(SqlText.using("""
                        select d.id, d.owner_user_id, d.due_date, d.text, u.name as unit_name, u.short_code
                        from review_decision d
                        join {units} u on u.id = d.unit_id
                        join {users} o on o.id = d.owner_user_id and o.active
                        where d.status = 'OPEN' and d.due_date < :today
                        """, UnitRelations.UNITS, UserRelations.USERS))
                .param("today", today)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new DueItem(rs.getLong("owner_user_id"), "ACTION", rs.getLong("id"), due, due,
                            "Action overdue: " + rs.getString("text") + " (" + rs.getString("unit_name") + ")",
                            Routes.pathWithQuery(ReviewView.class, UnitPicker.PARAMETER, rs.getString("short_code")));
                })
                .list();
    }
}
