package app.catchball.metrics;

import app.catchball.base.UnitRef;
import app.catchball.base.db.Rows;
import app.catchball.base.db.SqlText;
import app.catchball.organisation.sql.UnitRelations;
import app.catchball.planning.sql.PlanRelations;
import app.catchball.security.Action;
import app.catchball.security.PermissionService;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's metrics as a month's review reads them, and the units below it that have metrics. */
@Service
public class MetricVerdictService {

    private final BowlingChartQueries bowlingCharts;
    private final PermissionService permissions;
    private final JdbcClient jdbc;

    MetricVerdictService(BowlingChartQueries bowlingCharts, PermissionService permissions, JdbcClient jdbc) {
        this.bowlingCharts = bowlingCharts;
        this.permissions = permissions;
        this.jdbc = jdbc;
    }

    /** The unit's metrics as the review of a month reads them (see {@link MetricVerdict}). */
    @Transactional(readOnly = true)
    public List<MetricVerdict> verdicts(long unitId, long cycleId, YearMonth month) {
        permissions.check(Action.VIEW, unitId);
        return bowlingCharts.verdicts(unitId, cycleId, month);
    }

    /** The units strictly below a unit with metrics on their X-matrix in the cycle, at most {@code limit}, top first. */
    @Transactional(readOnly = true)
    public List<UnitRef> unitsWithMetricsBelow(long unitId, long cycleId, int limit) {
        permissions.check(Action.VIEW, unitId);
        return jdbc.sql(SqlText.using("""
                        with recursive down (id, depth) as (
                            select id, 0 from {units} where id = :unit
                            union all
                            select c.id, d.depth + 1 from {units} c join down d on c.parent_id = d.id where not c.archived
                        )
                        select u.id, u.short_code, u.name from down d join {units} u on u.id = d.id
                        where d.depth > 0 and exists (select 1 from {plan_items} m where m.unit_id = u.id and m.cycle_id = :cycle
                                                      and m.kind = 'METRIC' and not m.archived)
                        order by d.depth, u.name limit :limit
                        """, UnitRelations.UNITS, PlanRelations.PLAN_ITEMS)).param("unit", unitId).param("cycle", cycleId).param("limit", limit)
                .query(Rows.of(UnitRef.class)).list();
    }
}
