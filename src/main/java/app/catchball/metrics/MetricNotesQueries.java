package app.catchball.metrics;

import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.security.sql.UserRelations;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of metrics' commentary and annotations: one method each, for any number of metrics in
 * one statement. Both are keyed by the metric's plan item; when values follow a metric's enduring
 * series, these two methods are the place to widen to the series.
 */
@Repository
class MetricNotesQueries {

    private final JdbcClient jdbc;

    MetricNotesQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every saved version of the metrics' commentary, by metric, month and then oldest first. */
    List<Commentary> commentaryOf(Collection<Long> metricIds) {
        if (metricIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlText.using("""
                        select c.id, c.metric_id, c.period, c.what_happened, c.why, c.what_next, c.written_by,
                               coalesce(u.display_name, c.written_by) as written_by_name, c.written_at
                        from metric_commentary c left join {users} u on lower(u.username) = lower(c.written_by)
                        where c.metric_id in (:ids)
                        order by c.metric_id, c.period, c.id
                        """, UserRelations.USERS)).param("ids", metricIds).query(Rows.of(Commentary.class)).list();
    }

    /** The metrics' annotations, by metric and date. */
    List<Annotation> annotationsOf(Collection<Long> metricIds) {
        if (metricIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlText.using("""
                        select a.id, a.metric_id, a.noted_on, a.text, a.created_by,
                               coalesce(u.display_name, a.created_by) as created_by_name, a.created_at
                        from metric_annotation a left join {users} u on lower(u.username) = lower(a.created_by)
                        where a.metric_id in (:ids)
                        order by a.metric_id, a.noted_on, a.id
                        """, UserRelations.USERS)).param("ids", metricIds).query(Rows.of(Annotation.class)).list();
    }
}
