package app.catchball.metrics;

import app.catchball.base.db.SqlText;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A metric is an enduring series (V20): the measure on its unit across cycles, which each cycle's metric
 * item links to. Its values, their history, SPC settings and rebases belong to the series, so every item
 * of the series reads the whole history ({@link MetricsService#values}, {@link MetricsService#spc}).
 */
@Service
@Transactional(readOnly = true)
public class MetricSeriesService {

    private final JdbcClient jdbc;
    private final PermissionService permissions;

    MetricSeriesService(JdbcClient jdbc, PermissionService permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    /** The series of each metric on a unit's X-matrix in a cycle (the archived ones too), by metric id; one statement. */
    public Map<Long, Long> seriesIds(long unitId, long cycleId) {
        permissions.check(Action.VIEW, unitId);
        Map<Long, Long> series = new HashMap<>();
        jdbc.sql(SqlText.using("select id, series_id from {plan_items} where unit_id = :unit and cycle_id = :cycle and kind = 'METRIC'",
                        PlanRelations.PLAN_ITEMS))
                .param("unit", unitId).param("cycle", cycleId)
                .query(rs -> {
                    series.put(rs.getLong(1), rs.getLong(2));
                });
        return series;
    }
}
