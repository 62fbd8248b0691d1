package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.security.sql.UserRelations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The countermeasures of many metrics in one statement, newest first, with whether each is overdue today. */
@Repository
class CountermeasureQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    CountermeasureQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<Long, List<CountermeasureView>> countermeasuresOf(Collection<Long> metricIds) {
        Map<Long, List<CountermeasureView>> result = new HashMap<>();
        if (metricIds.isEmpty()) {
            return result;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        jdbc.sql(SqlText.using("""
                        select c.id, c.metric_id, c.reason, c.problem, c.root_cause, c.action, c.owner_user_id,
                               o.display_name as owner_name, c.due_date, c.status, c.version
                        from countermeasure c left join {users} o on o.id = c.owner_user_id
                        where c.metric_id in (:ids) order by c.created_at desc
                        """, UserRelations.USERS))
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
}
