package app.catchball.review;

import app.catchball.reminders.DueItem;
import app.catchball.reminders.ReminderSource;
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
        return jdbc.sql("""
                        select d.id, d.owner_user_id, d.due_date, d.text, u.name as unit_name, u.short_code
                        from review_decision d
                        join org_unit u on u.id = d.unit_id
                        join app_user o on o.id = d.owner_user_id and o.active
                        where d.status = 'OPEN' and d.due_date < :today
                        """)
                .param("today", today)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new DueItem(rs.getLong("owner_user_id"), "ACTION", rs.getLong("id"), due, due,
                            "Action overdue: " + rs.getString("text") + " (" + rs.getString("unit_name") + ")",
                            "review?unit=" + rs.getString("short_code"));
                })
                .list();
    }
}
